// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import static dev.pyspy4j.cli.session.SessionPatience.PROGRAM_GRACE_MILLIS;
import static dev.pyspy4j.cli.session.SessionPatience.PROGRAM_START_MILLIS;
import static dev.pyspy4j.cli.session.SessionPatience.RUNNING_TREE_NANOS;

import dev.pyspy4j.cli.launch.LaunchedProgram;
import dev.pyspy4j.cli.launch.ProgramEnd;
import dev.pyspy4j.cli.names.FilenameShortener;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.sampling.OpenPatience;
import dev.pyspy4j.cli.sampling.ProcessSource;
import dev.pyspy4j.cli.sampling.ProcessSourceOpener;
import dev.pyspy4j.cli.sampling.ProcessTree;
import dev.pyspy4j.cli.sampling.ProcessTreeSource;
import dev.pyspy4j.cli.sampling.StopSignal;
import dev.pyspy4j.cli.sampling.StopTriggers;
import dev.pyspy4j.cli.top.TopDisplays;
import dev.pyspy4j.cli.top.TopSubject;
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

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final ProcessTree processTree;
    private final TopDisplays displays;
    private final PrintWriter err;
    private final RecordConsole console;

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
        this.providers = providers;
        this.platform = platform;
        this.environment = environment;
        this.processTree = processTree;
        this.displays = displays;
        this.err = err;
        this.console = new RecordConsole(err, false, "pyspy4j top");
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
            WatchedProcess watcher = new WatchedProcess(environment, displays, console);
            if (!request.target().launches()) {
                long pid = request.target().pid().getAsLong();
                if (request.subprocesses()) {
                    watchTree(watcher, openTree(pid, RUNNING_TREE_NANOS, request, stop), request, stop);
                } else {
                    watch(watcher, opener(request).open(pid, OpenPatience.runningProcess(), stop), request, stop);
                }
                return watcher.everySampleFailedBecause();
            }
            Path log = createLog();
            try {
                watchProgram(request, stop, watcher, log);
            } finally {
                deleteLog(log);
            }
            return watcher.everySampleFailedBecause();
        } finally {
            triggers.close();
        }
    }

    private void watchProgram(TopRequest request, StopSignal stop, WatchedProcess watcher, Path log) {
        String name = request.target().program().get(0);
        try (LaunchedProgram program = LaunchedProgram.startQuietly(request.target().program(), log)) {
            if (request.subprocesses()) {
                watchTree(watcher, openProgramTree(program, request, stop, log), request, stop);
            } else {
                watch(watcher, openProgram(program, request, stop, log), request, stop);
            }
            ProgramEnd end = program.finish(PROGRAM_GRACE_MILLIS);
            console.info(RecordMessages.programEnded(name, end));
            if (!end.stoppedByUs() && end.status() != 0) {
                replay(log);
            }
        }
    }

    /** Watches one process: names it in the header and shortens its file names as it sees them. */
    private static void watch(WatchedProcess watcher, ProcessSource source, TopRequest request, StopSignal stop) {
        TopSubject subject;
        try {
            subject = new TopSubject(source.pid(), source.commandLine(), source.interpreter().version(),
                    source.interpreter().warnings());
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
        FilenameShortener names = request.fullFilenames() ? FilenameShortener.keepingFullNames()
                : FilenameShortener.seenBy(source::fileAsSeenByTarget);
        watcher.watch(source, subject, pid -> names, request, stop);
    }

    /**
     * Opens process {@code rootPid} and its descendants and waits until one of them is Python, for up to
     * {@code patienceNanos}.
     */
    private ProcessTreeSource openTree(long rootPid, long patienceNanos, TopRequest request, StopSignal stop) {
        ProcessTreeSource tree = ProcessTreeSource.open(rootPid, processTree, opener(request), environment.clock(),
                console::warning);
        try {
            tree.awaitPython(patienceNanos, stop);
            return tree;
        } catch (RuntimeException | Error e) {
            tree.close();
            throw e;
        }
    }

    /**
     * Watches an open tree: the header names the root (or the first Python process under it) and counts the
     * processes sampled.
     */
    private void watchTree(WatchedProcess watcher, ProcessTreeSource tree, TopRequest request, StopSignal stop) {
        TopSubject subject;
        try {
            ProcessSource naming = tree.namingProcess();
            subject = new TopSubject(naming.pid(), naming.commandLine(), naming.interpreter().version(),
                    naming.interpreter().warnings());
        } catch (RuntimeException | Error e) {
            tree.close();
            throw e;
        }
        watcher.watch(tree, subject, FilenameShortener.perProcess(request.fullFilenames(), tree::fileAsSeenBy),
                request, stop);
    }

    /** A launched program's tree, waited for as long as the program runs (launchers may take a while). */
    private ProcessTreeSource openProgramTree(LaunchedProgram program, TopRequest request, StopSignal stop,
                                              Path log) {
        try {
            return openTree(program.awaitProgramPid(PROGRAM_START_MILLIS), Long.MAX_VALUE, request, stop);
        } catch (SpyException e) {
            throw failedProgram(program, request, log, e);
        }
    }

    private ProcessSource openProgram(LaunchedProgram program, TopRequest request, StopSignal stop, Path log) {
        try {
            return opener(request).open(program.awaitProgramPid(PROGRAM_START_MILLIS), OpenPatience.startingProgram(),
                    stop);
        } catch (SpyException e) {
            throw failedProgram(program, request, log, e);
        }
    }

    /**
     * What to throw when a launched program could not be opened: the failure itself while the program runs, else
     * that it exited, after showing what it wrote.
     */
    private SpyException failedProgram(LaunchedProgram program, TopRequest request, Path log, SpyException e) {
        if (program.isRunning()) {
            return e;
        }
        ProgramEnd end = program.finish(PROGRAM_GRACE_MILLIS);
        replay(log);
        return new SpyException(FailureKind.PROCESS_EXITED, "'" + request.target().program().get(0)
                + "' exited with status " + end.status() + " before it could be sampled", e);
    }

    private ProcessSourceOpener opener(TopRequest request) {
        return new ProcessSourceOpener(providers.processAccess().select(platform, Optional.empty()),
                providers.interpreterLayouts().select(platform, Optional.empty()),
                providers.threadActivity().select(platform, Optional.empty()), environment.clock(),
                request.sampling());
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
