// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.cli.record.OutputNames;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.record.RecordingWindows;
import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.Target;
import dev.pyspy4j.engine.launch.ProgramExitedException;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.SnapshotTriggers;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.sampling.StopTriggers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.Recorder;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code record} without the command line: checks the output, opens the target through the engine, samples it into
 * the chosen format and writes the file. Every normal end (duration, Control-C, SIGTERM, the process exiting)
 * writes the file; so do failed samples, which are counted. Failures before sampling starts are thrown; when the
 * failure is a launched program that ended before it could be sampled, an empty file is written first.
 */
public final class RecordSession {
    /** The most of pyspy4j's own start-up that counts towards a launched program's duration. */
    static final long STARTUP_CHARGED_NANOS = 500_000_000L;

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final Profiler profiler;
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
        this.profiler = environment.profiler(providers, platform, processTree);
        this.console = console;
        this.verbose = verbose;
    }

    /**
     * Where a launched program's duration starts: at pyspy4j's own start, as py-spy's does, so that {@code -d 5}
     * ends about five seconds after it was typed; but a slow start (a cold JVM on a loaded machine) takes no more
     * than {@link #STARTUP_CHARGED_NANOS} from the sampling asked for.
     *
     * @param startedAt when the command started
     * @param now       just before the program is launched
     */
    static long durationOrigin(long startedAt, long now) {
        return Math.max(startedAt, now - STARTUP_CHARGED_NANOS);
    }

    public RecordOutcome run(RecordRequest request) {
        OutputFormat format = new OutputFormats(providers.outputFormats(), platform).select(request.format());
        OutputFile file = OutputFile.prepare(request.output().orElseGet(() -> OutputNames.defaultName(
                request.target().name(), environment.wallClock().get(), format.fileExtension())));
        if (request.periodSeconds().isPresent() && !file.takesNumberedSiblings()) {
            throw new SpyException(FailureKind.USAGE, "--period writes numbered files beside the output file, and '"
                    + file.shownAs() + "' is not a regular file");
        }
        RecordingWindows windows = new RecordingWindows(() -> SampledRecording.newRecorder(format, request), file,
                format.fileExtension(), request.periodSeconds().stream()
                        .map(seconds -> TimeUnit.SECONDS.toNanos(seconds)).findFirst(), console);
        StopSignal stop = new StopSignal();
        // Armed before a program is launched, so that Control-C at any moment ends it too; disarmed last, once the
        // file is written, which a shutdown hook among the triggers waits for.
        StopTriggers.Armed triggers = environment.stopTriggers().arm(stop);
        SnapshotTriggers.Armed snapshots = environment.snapshotTriggers().arm(windows::request);
        if (request.target().launches()) {
            SampledRecording.rehearse(format, request);
        }
        Target target = new Target(request.target(), request.subprocesses(), request.fullFilenames(),
                Optional.empty(), OptionalLong.of(durationOrigin(environment.startedAt(),
                        environment.clock().nanoTime())));
        try (ProfilingRun run = profiler.open(target, request.sampling(), stop, console::warning)) {
            RecordOutcome outcome = new SampledRecording(console, verbose).record(run, request, format, file,
                    windows);
            run.finishProgram().ifPresent(end -> console.info(
                    RecordMessages.programEnded(request.target().program().get(0), end)));
            return outcome;
        } catch (ProgramExitedException e) {
            // Nothing could be sampled, yet a script that reads the file finds one, in the format it asked for.
            Recorder empty = SampledRecording.newRecorder(format, request);
            file.write(empty);
            console.info(RecordMessages.wroteEmpty(empty.announce(file.shownAs())));
            throw e;
        } finally {
            snapshots.close();
            triggers.close();
        }
    }
}
