// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.testsupport.InterpreterCatalogue;
import dev.pyspy4j.testsupport.InterpreterLocations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pyenv CPython 3.11 running one of the scripts under {@code src/test/resources/scripts}, started and ready
 * (it printed {@code ready}); its later stdout lines are collected. Closing kills it and its children.
 */
final class PythonProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String readyLine;
    private final long pythonPid;

    private PythonProcess(Process process, boolean throughShell) throws InterruptedException {
        this.process = process;
        Thread reader = new Thread(this::collectLines, "stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String first = lines.poll(30, TimeUnit.SECONDS);
        if (first == null || !first.startsWith("ready")) {
            close();
            throw new IllegalStateException("python did not print 'ready' but '" + first + "'");
        }
        this.readyLine = first;
        this.pythonPid = throughShell ? process.children().findFirst().orElseThrow().pid() : process.pid();
    }

    /**
     * Starts the script as a grandchild, under a shell, as most targets are: the JDK's process reaper then waits
     * for the shell, and cannot take wait reports of the python that are meant for the tracer (see StopWaiter).
     */
    static PythonProcess start(String script, String... arguments) throws IOException, InterruptedException {
        return startWith(python311(), script, arguments);
    }

    /** Like {@link #start}, with another interpreter. */
    static PythonProcess startWith(Path interpreter, String script, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$0\" \"$@\" & wait"));
        command.addAll(pythonCommand(interpreter, script, arguments));
        return new PythonProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
                true);
    }

    /** Starts the script as a direct child of this JVM. */
    static PythonProcess startAsChild(String script, String... arguments) throws IOException, InterruptedException {
        return new PythonProcess(new ProcessBuilder(pythonCommand(python311(), script, arguments))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start(), false);
    }

    private static List<String> pythonCommand(Path interpreter, String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-u", scriptPath(script).toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** pyenv's 3.11 (a shared-library build), from the catalogue every module's tests share. */
    static Path python311() {
        return InterpreterCatalogue.machine().require(InterpreterLocations.PYENV, "3.11").executable();
    }

    static Path scriptPath(String script) {
        try {
            return Path.of(PythonProcess.class.getResource("/scripts/" + script).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return pythonPid;
    }

    /**
     * Kills the python with SIGKILL and waits until every thread of it is gone or a zombie: its main thread can be
     * a zombie while another, killed too, has not yet run to its exit.
     */
    void kill() throws InterruptedException {
        ProcessHandle.of(pythonPid).ifPresent(ProcessHandle::destroyForcibly);
        while (threadStatesOrEmpty().stream().anyMatch(state -> state != 'Z' && state != 'X')) {
            Thread.sleep(10);
        }
    }

    private List<Character> threadStatesOrEmpty() {
        try {
            return threadStates();
        } catch (IOException | UncheckedIOException gone) {
            return List.of();
        }
    }

    /** Whether the started process (the shell, for a grandchild) has ended within {@code seconds}. */
    boolean endsWithin(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** The words after {@code ready} on the ready line. */
    String[] readyArguments() {
        String rest = readyLine.substring("ready".length()).trim();
        return rest.isEmpty() ? new String[0] : rest.split(" ");
    }

    /** The next stdout line, waiting up to {@code seconds}; null if none came. */
    String nextLine(int seconds) throws InterruptedException {
        return lines.poll(seconds, TimeUnit.SECONDS);
    }

    /** Drops the lines printed so far. */
    void skipPrinted() {
        lines.clear();
    }

    /** The one-letter scheduler state of every thread, read from /proc. */
    List<Character> threadStates() throws IOException {
        List<Character> states = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    states.add(stat.charAt(stat.lastIndexOf(')') + 2));
                } catch (IOException threadEnded) {
                    continue;
                }
            }
        }
        return states;
    }

    @Override
    public void close() {
        // Process.destroyForcibly() does nothing once the JDK believes the process exited, which a stolen
        // ptrace stop report can make it believe; kill by pid instead.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collectLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
