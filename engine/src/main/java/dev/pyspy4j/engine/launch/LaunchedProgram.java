// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program pyspy4j starts for the user ({@code record -- python app.py}), with the user's terminal, environment
 * and working directory. It runs as the child of a {@code /bin/sh}, never of the JVM: pausing a direct child with
 * ptrace corrupts its {@link Process}, because the JDK's reaper thread calls {@code waitpid(2)} on it and takes
 * the tracer's stop reports (a tracee's stops are reported to every thread of the tracer's process). The shell
 * holds the program back until {@link #release} (see {@link LaunchGate}), so that sampling can start with its first
 * line. Closing it ends whatever still runs of it, so no program is ever left behind.
 */
public final class LaunchedProgram implements AutoCloseable {
    private static final String SHELL = "/bin/sh";
    /**
     * Runs the program as a child of the shell and hands back its status (128 + n after signal n); the following
     * {@code exit $?} stops dash and bash from exec'ing a lone last command in the shell's place. When pyspy4j ends
     * the program with SIGTERM, the shell would print "Terminated" on the user's terminal: so the shell's own
     * standard error goes to {@code /dev/null}, and the program gets the original back on fd 2 inside a subshell
     * that execs it (a redirection on the command itself would be in force in the shell while it waits).
     */
    private static final String SCRIPT = "exec 3>&2 2>/dev/null; (exec \"$0\" \"$@\" 2>&3 3>&-); exit $?";
    /**
     * {@link #SCRIPT} behind a gate: the named pipe {@code $0} must give a line before the program ({@code $1} on)
     * starts; end-of-file (pyspy4j gone) or a missing pipe ends the shell without starting it.
     */
    private static final String GATED_SCRIPT = "exec 3>&2 2>/dev/null; read go <\"$0\" || exit 125; "
            + "(exec \"$@\" 2>&3 3>&-); exit $?";
    /** Short, because a program released from its gate is sampled only once it is found. */
    private static final long POLL_MILLIS = 1;
    /** How long a SIGKILL'd process gets to disappear. */
    private static final long KILL_WAIT_MILLIS = 5_000;

    private final Process shell;
    private final List<String> command;
    private final Optional<LaunchGate> gate;
    private ProcessHandle program;
    private ProgramEnd end;

    private LaunchedProgram(Process shell, List<String> command, Optional<LaunchGate> gate) {
        this.shell = shell;
        this.command = command;
        this.gate = gate;
    }

    /**
     * Starts {@code command} (program first), held back until {@link #release}.
     *
     * @throws SpyException PROCESS_NOT_FOUND when the program cannot be found or started
     */
    public static LaunchedProgram start(List<String> command) {
        return start(command, ProcessBuilder::inheritIO);
    }

    /**
     * Starts {@code command} (program first) away from the terminal, as py-spy starts the program of {@code top}:
     * standard input from {@code /dev/null}, so that it cannot take the keys meant for pyspy4j, and standard output
     * and error appended to {@code log}, so that they cannot draw over pyspy4j's screen. It is held back until
     * {@link #release}.
     *
     * @throws SpyException PROCESS_NOT_FOUND when the program cannot be found or started
     */
    public static LaunchedProgram startQuietly(List<String> command, Path log) {
        return start(command, builder -> builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
    }

    private static LaunchedProgram start(List<String> command, Consumer<ProcessBuilder> streams) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no program to launch");
        }
        ProgramLookup.checkRunnable(command.get(0), System.getenv("PATH"));
        Optional<LaunchGate> gate = LaunchGate.create();
        List<String> shellCommand = new ArrayList<>(List.of(SHELL, "-c"));
        gate.ifPresentOrElse(closed -> shellCommand.addAll(List.of(GATED_SCRIPT, closed.path())),
                () -> shellCommand.add(SCRIPT));
        shellCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(shellCommand);
        streams.accept(builder);
        try {
            return new LaunchedProgram(builder.start(), List.copyOf(command), gate);
        } catch (IOException e) {
            gate.ifPresent(LaunchGate::close);
            throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "cannot run '" + command.get(0) + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * The pid of the shell that holds the program until {@link #release}: a process that is not Python, which
     * a profiler may open to load and run its code before the program starts. Never pause it: it is this JVM's
     * child (see above).
     */
    public long launcherPid() {
        return shell.pid();
    }

    /** Lets the program start (at once when no gate could be made); does nothing the second time. */
    public void release() {
        gate.ifPresent(LaunchGate::open);
    }

    /** The command line as given. */
    public List<String> command() {
        return command;
    }

    /**
     * The pid of the program, once the shell has started it ({@link #release} first).
     *
     * @throws SpyException PROCESS_EXITED when the shell ends first, or the program does not appear in time
     */
    public long awaitProgramPid(long patienceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        while (program == null) {
            Optional<ProcessHandle> child = shell.children().findFirst();
            if (child.isPresent()) {
                program = child.get();
                // The shell has read the gate's line, so the pipe is no longer needed.
                gate.ifPresent(LaunchGate::close);
            } else if (!shell.isAlive()) {
                throw new SpyException(FailureKind.PROCESS_EXITED, "'" + command.get(0) + "' exited with status "
                        + shell.exitValue() + " before it could be sampled");
            } else if (System.nanoTime() > deadline) {
                throw new SpyException(FailureKind.PROCESS_EXITED, "'" + command.get(0) + "' did not start within "
                        + patienceMillis + " ms");
            } else {
                pause();
            }
        }
        return program.pid();
    }

    /** Whether the program (or the shell around it) still runs. */
    public boolean isRunning() {
        return shell.isAlive();
    }

    /**
     * Whether the program (and the shell around it) has ended, waiting up to {@code patienceMillis} for it: the
     * program is gone a moment before its shell has reaped it and exited.
     */
    public boolean hasEndedWithin(long patienceMillis) {
        try {
            return shell.waitFor(patienceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !shell.isAlive();
        }
    }

    /**
     * Ends the program if it still runs: SIGTERM to it and to every process it started, SIGKILL to whatever is left
     * after {@code graceMillis}. Then returns how it ended (the exit status only when it ended on its own); calling
     * again returns the same.
     */
    public ProgramEnd finish(long graceMillis) {
        if (end == null) {
            // A shell still at the gate reads end-of-file and exits without starting the program.
            gate.ifPresent(LaunchGate::close);
            boolean stillRunning = shell.isAlive();
            if (stillRunning) {
                terminate(graceMillis);
            }
            end = new ProgramEnd(awaitShellStatus(), stillRunning);
        }
        return end;
    }

    @Override
    public void close() {
        finish(2_000);
    }

    /**
     * SIGTERM to the program and every process it started, while the shell still waits for it: the shell reaps the
     * program the moment it exits and then exits itself, which the JVM learns at once (the shell is its child; a
     * grandchild's end could only be polled for). Whatever is left after {@code graceMillis} gets SIGKILL.
     */
    private void terminate(long graceMillis) {
        List<ProcessHandle> tree = new ArrayList<>(shell.descendants().toList());
        // The program may have outlived its shell (a Control-C reaches both) and been reparented.
        if (program != null && !tree.contains(program)) {
            tree.add(program);
        }
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        if (!awaitShellUntil(deadline) || !ProcessesGone.await(tree, deadline)) {
            shell.destroyForcibly();
            kill(tree);
        }
        awaitShellStatus();
    }

    private boolean awaitShellUntil(long deadline) {
        try {
            return shell.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGKILL to what is left of the tree, then a short wait until the kernel has taken those processes down, so
     * that none is still there once the run has said it stopped the program.
     */
    private static void kill(List<ProcessHandle> tree) {
        List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        // SIGKILL cannot be refused; a process in uninterruptible sleep goes as soon as it wakes.
        ProcessesGone.await(left, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MILLIS));
    }

    private int awaitShellStatus() {
        boolean interrupted = false;
        while (true) {
            try {
                int status = shell.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return status;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpyException(FailureKind.PROCESS_EXITED, "interrupted while waiting for the program to start", e);
        }
    }
}
