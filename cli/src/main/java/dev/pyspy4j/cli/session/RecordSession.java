// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.engine.Providers;

import static dev.pyspy4j.cli.session.SessionPatience.PROGRAM_GRACE_MILLIS;
import static dev.pyspy4j.cli.session.SessionPatience.PROGRAM_START_MILLIS;
import static dev.pyspy4j.cli.session.SessionPatience.RUNNING_TREE_NANOS;

import dev.pyspy4j.engine.launch.LaunchedProgram;
import dev.pyspy4j.engine.launch.ProgramEnd;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.cli.record.OutputNames;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.engine.sampling.OpenPatience;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.sampling.StopTriggers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;

/**
 * {@code record} without the command line: checks the output, attaches to a process or launches a program, samples
 * it into the chosen format and writes the file. Every normal end (duration, Control-C, SIGTERM, the process
 * exiting) writes the file; so do failed samples, which are counted. Failures before sampling starts are thrown.
 */
public final class RecordSession {

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final ProcessTree processTree;
    private final RecordConsole console;
    private final boolean verbose;

    public RecordSession(Providers providers, Platform platform, SessionEnvironment environment,
                         RecordConsole console, boolean verbose) {
        this(providers, platform, environment, ProcessTree.system(), console, verbose);
    }

    /**
     * @param processTree where {@code --subprocesses} finds the descendants of the target
     */
    public RecordSession(Providers providers, Platform platform, SessionEnvironment environment,
                         ProcessTree processTree, RecordConsole console, boolean verbose) {
        this.providers = providers;
        this.platform = platform;
        this.environment = environment;
        this.processTree = processTree;
        this.console = console;
        this.verbose = verbose;
    }

    public RecordOutcome run(RecordRequest request) {
        OutputFormat format = new OutputFormats(providers.outputFormats(), platform).select(request.format());
        OutputFile file = OutputFile.prepare(request.output().orElseGet(() -> OutputNames.defaultName(
                request.target().name(), environment.wallClock().get(), format.fileExtension())));
        StopSignal stop = new StopSignal();
        // Armed before a program is launched, so that Control-C at any moment ends it too; disarmed last, once the
        // file is written, which a shutdown hook among the triggers waits for.
        StopTriggers.Armed triggers = environment.stopTriggers().arm(stop);
        try {
            SampledRecording recording = new SampledRecording(providers, platform, environment, processTree, console,
                    verbose);
            if (!request.target().launches()) {
                long pid = request.target().pid().getAsLong();
                return request.subprocesses()
                        ? recording.recordTree(pid, RUNNING_TREE_NANOS, stop, request, format, file)
                        : recording.record(pid, OpenPatience.runningProcess(), stop, request, format, file);
            }
            try (LaunchedProgram program = LaunchedProgram.start(request.target().program())) {
                RecordOutcome outcome = recordProgram(program, recording, stop, request, format, file);
                ProgramEnd end = program.finish(PROGRAM_GRACE_MILLIS);
                console.info(RecordMessages.programEnded(request.target().program().get(0), end));
                return outcome;
            }
        } finally {
            triggers.close();
        }
    }

    private RecordOutcome recordProgram(LaunchedProgram program, SampledRecording recording, StopSignal stop,
                                        RecordRequest request, OutputFormat format, OutputFile file) {
        try {
            long pid = program.awaitProgramPid(PROGRAM_START_MILLIS);
            return request.subprocesses()
                    ? recording.recordTree(pid, Long.MAX_VALUE, stop, request, format, file)
                    : recording.record(pid, OpenPatience.startingProgram(), stop, request, format, file);
        } catch (SpyException e) {
            if (program.isRunning() || e.kind() == FailureKind.OUTPUT) {
                throw e;
            }
            ProgramEnd end = program.finish(PROGRAM_GRACE_MILLIS);
            throw new SpyException(FailureKind.PROCESS_EXITED, "'" + request.target().program().get(0)
                    + "' exited with status " + end.status() + " before it could be sampled", e);
        }
    }
}
