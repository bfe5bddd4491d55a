// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.top.TopDisplays;
import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.Target;
import dev.pyspy4j.engine.launch.ProgramExitedException;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.sampling.StopTriggers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code top} without the command line: attaches to a process or launches a program (away from the terminal, its
 * output kept aside and shown only if it fails), watches it until the user quits, SIGINT or SIGTERM arrives or the
 * process exits, and lets go of it. Failures before the screen opens are thrown; what ended the run is said on
 * standard error once the terminal is back to normal.
 */
public final class TopSession {
    private final Profiler profiler;
    private final SessionEnvironment environment;
    private final TopDisplays displays;
    private final PrintWriter err;
    private final RecordConsole console;
    private final WatchedProcess watcher;

    /**
     * @param err where the closing messages and a failed program's output go
     */
    public TopSession(Providers providers, Platform platform, SessionEnvironment environment, TopDisplays displays,
                      PrintWriter err) {
        this(providers, platform, environment, ProcessTree.system(), displays, err);
    }

    /**
     * @param processTree where {@code --subprocesses} finds the descendants of the target
     * @param err         where the closing messages and a failed program's output go
     */
    public TopSession(Providers providers, Platform platform, SessionEnvironment environment,
                      ProcessTree processTree, TopDisplays displays, PrintWriter err) {
        this.profiler = environment.profiler(providers, platform, processTree);
        this.environment = environment;
        this.displays = displays;
        this.err = err;
        this.console = new RecordConsole(err, false, "pyspy4j top");
        this.watcher = new WatchedProcess(environment, displays, console);
    }

    /**
     * Watches the target until the run ends.
     *
     * @return what made every read fail (the latest failure of the most common reason), when none succeeded
     */
    public Optional<SpyException> run(TopRequest request) {
        StopSignal stop = new StopSignal();
        StopTriggers.Armed triggers = environment.stopTriggers().arm(stop);
        try {
            Target target = new Target(request.target(), request.subprocesses(), request.fullFilenames(),
                    Optional.empty());
            if (!request.target().launches()) {
                try (ProfilingRun run = profiler.open(target, request.sampling(), stop, console::warning)) {
                    watch(run, request);
                }
                return watcher.everySampleFailedBecause();
            }
            Path log = createLog();
            try {
                watchProgram(target.withProgramLog(log), request, stop, log);
            } finally {
                deleteLog(log);
            }
            return watcher.everySampleFailedBecause();
        } finally {
            triggers.close();
        }
    }

    /** Watches a program launched away from the terminal; its output is shown only if it fails. */
    private void watchProgram(Target target, TopRequest request, StopSignal stop, Path log) {
        ProfilingRun opened;
        try {
            opened = profiler.open(target, request.sampling(), stop, console::warning);
        } catch (ProgramExitedException e) {
            replay(log);
            throw e;
        }
        try (ProfilingRun run = opened) {
            watch(run, request);
            run.finishProgram().ifPresent(end -> {
                console.info(RecordMessages.programEnded(request.target().program().get(0), end));
                if (!end.stoppedByUs() && end.status() != 0) {
                    replay(log);
                }
            });
        }
    }

    private void watch(ProfilingRun run, TopRequest request) {
        watcher.watch(run, request);
    }

    /** Shows what the program wrote, as py-spy does when a program it ran for {@code top} fails. */
    private void replay(Path log) {
        try {
            err.print(Files.readString(log, StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            console.warning("cannot read the program's output from '" + log + "': " + e.getMessage());
        }
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("pyspy4j-top-", ".log");
        } catch (IOException e) {
            throw new SpyException(FailureKind.OUTPUT, "cannot create a file for the program's output in '"
                    + System.getProperty("java.io.tmpdir") + "': " + e.getMessage(), e);
        }
    }

    private void deleteLog(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            console.warning("cannot delete '" + log + "': " + e.getMessage());
        }
    }
}
