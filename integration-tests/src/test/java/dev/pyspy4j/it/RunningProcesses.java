// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The target processes one test started; {@link #killAll()} (from {@code @AfterEach}) ends every one of them, and
 * every process that those started with {@link #startPythonTree}.
 */
final class RunningProcesses {
    private static final long READY_TIMEOUT_SECONDS = 60;
    private static final long GROUP_GONE_TIMEOUT_SECONDS = 30;

    private final List<Process> processes = new ArrayList<>();
    /** The targets that lead a process group of their own, whose whole group {@link #killAll()} kills. */
    private final List<Long> groups = new ArrayList<>();

    /** Starts {@code python script args...} and returns once the script printed {@code ready}. */
    Process startPython(Path python, Path script, String... args) throws IOException, InterruptedException {
        Interpreters.requireInstalled(python);
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true));
        awaitReady(process);
        return process;
    }

    /**
     * Starts {@code python script args...}, for a script that starts processes of its own, in a new session and
     * process group ({@code setsid(1)}, which exec's the interpreter in place: the process is the interpreter), and
     * returns once the script printed {@code ready}. The group holds every process the script starts, and their
     * children, also once their parent exited and they were adopted elsewhere; {@link #killAll()} kills the whole
     * group at once, so that a parent cannot start another child meanwhile. (Nothing the tests run calls
     * {@code setsid} or {@code setpgid} again.)
     */
    Process startPythonTree(Path python, Path script, String... args) throws IOException, InterruptedException {
        Interpreters.requireInstalled(python);
        List<String> command = new ArrayList<>(List.of("setsid", python.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true));
        groups.add(process.pid());
        awaitReady(process);
        assertThat(groupOf(process.pid())).as("process %d leads its own process group", process.pid())
                .isEqualTo(process.pid());
        return process;
    }

    /** Starts {@code builder}'s command, which must print {@code ready} (standard error merged), and waits for it. */
    Process startUntilReady(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = start(builder.redirectErrorStream(true));
        awaitReady(process);
        return process;
    }

    /** Starts a program and returns once the kernel shows it running {@code program} (after its exec). */
    Process startProgram(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true));
        for (int attempt = 0; attempt < 600 && !runs(process, program); attempt++) {
            Thread.sleep(50);
        }
        assertThat(runs(process, program)).as("%s started", program).isTrue();
        return process;
    }

    private static boolean runs(Process process, String program) {
        return process.info().command().map(command -> command.endsWith("/" + program)).orElse(false);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitReady(Process process) throws InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(reader));
        try {
            String seen = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(seen).as("script output before it exited").endsWith("ready\n");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("script did not print 'ready': " + e, e);
        }
    }

    private static String readUntilReady(BufferedReader reader) {
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                seen.append(line).append('\n');
                if (line.equals("ready")) {
                    break;
                }
            }
        } catch (IOException e) {
            seen.append("(read failed: ").append(e.getMessage()).append(")\n");
        }
        return seen.toString();
    }

    void killAll() throws InterruptedException {
        for (long group : groups) {
            killGroup(group);
        }
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        processes.clear();
        try {
            for (long group : groups) {
                awaitGroupGone(group);
            }
        } finally {
            groups.clear();
        }
    }

    /** SIGKILL to every process of the group, in one kill(2), which a fork under way cannot escape. */
    private static void killGroup(long group) throws InterruptedException {
        try {
            // Exits 1 when no process is left in the group, which is fine.
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill(1)", e);
        }
    }

    /** Waits until no process of the group is left but zombies, which their new parent reaps. */
    private static void awaitGroupGone(long group) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GROUP_GONE_TIMEOUT_SECONDS);
        List<Long> left = liveMembers(group);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processes " + left + " of group " + group + " outlived SIGKILL");
            }
            Thread.sleep(20);
            left = liveMembers(group);
        }
    }

    private static List<Long> liveMembers(long group) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Long::parseLong)
                    .filter(pid -> {
                        String[] fields = ProcState.statFields(pid);
                        return fields != null && Long.parseLong(fields[2]) == group && !fields[0].equals("Z");
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long groupOf(long pid) {
        String[] fields = ProcState.statFields(pid);
        assertThat(fields).as("process %d is running", pid).isNotNull();
        return Long.parseLong(fields[2]);
    }
}
