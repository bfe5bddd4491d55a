// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running call-chain program, compiled by gcc for its {@link ChainVariant}. It is started under a shell, so that
 * the JDK's process reaper waits for the shell rather than for the program the test traces. Ready once the chain's
 * leaf printed {@code ready}. Closing kills it and waits for it.
 */
final class ChainProgram implements AutoCloseable {
    private static final String SOURCE = "/native/call_chain.c";

    private final Process shell;
    private final Path executable;
    private final long pid;

    private ChainProgram(Process shell, Path executable, long pid) {
        this.shell = shell;
        this.executable = executable;
        this.pid = pid;
    }

    /** Compiles the program for {@code variant} into {@code directory}; returns the executable. */
    static Path compile(ChainVariant variant, Path directory) throws IOException, InterruptedException {
        Path executable = directory.resolve("call_chain_" + variant.name().toLowerCase());
        List<String> command = new ArrayList<>(List.of("gcc", "-pthread"));
        command.addAll(variant.gccFlags());
        command.addAll(List.of("-o", executable.toString(), sourcePath().toString()));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc failed: " + messages);
        }
        return executable;
    }

    /** Starts {@code executable} in {@code variant}'s mode and returns once its chain is in place. */
    static ChainProgram start(Path executable, ChainVariant variant) throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" \"$1\" & wait", executable.toString(), variant.mode())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = output.readLine();
            if (!"ready".equals(first)) {
                throw new IllegalStateException("the program did not print 'ready' but '" + first + "'");
            }
            long pid = shell.children().findFirst().orElseThrow().pid();
            return new ChainProgram(shell, executable, pid);
        } catch (RuntimeException | IOException e) {
            kill(shell);
            throw e;
        }
    }

    private static Path sourcePath() {
        try {
            return Path.of(ChainProgram.class.getResource(SOURCE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return pid;
    }

    Path executable() {
        return executable;
    }

    /**
     * The thread that runs the chain: the main thread, or the one named {@code chain-worker} (it is named just
     * after it starts, so this waits for the name).
     */
    long chainThread(ChainVariant variant) throws IOException, InterruptedException {
        if (!variant.chainOnSecondThread()) {
            return pid;
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<Long> worker = threadNamed("chain-worker");
            if (worker.isPresent()) {
                return worker.get();
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no thread of process " + pid + " is named chain-worker");
    }

    /** The scheduler state letter of a thread ({@code R} running, {@code S} sleeping), from its stat file. */
    char threadState(long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private Optional<Long> threadNamed(String name) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                    return Optional.of(Long.parseLong(task.getFileName().toString()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        kill(shell);
    }

    private static void kill(Process shell) {
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.toHandle().destroyForcibly();
        try {
            shell.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
