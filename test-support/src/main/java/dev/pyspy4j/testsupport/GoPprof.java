// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code go tool pprof} (Debian's {@code golang-go}) on a profile file, as a user would read it.
 * A machine without {@code go} fails the test that needs it, with how to install it: such a test is never skipped.
 */
public final class GoPprof {
    private static final long TIMEOUT_SECONDS = 120;

    private GoPprof() {
    }

    /** The text {@code go tool pprof <options> <profile>} prints; fails when pprof fails or {@code go} is missing. */
    public static String run(Path profile, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(goBinary(), "tool", "pprof"));
        command.addAll(List.of(options));
        command.add(profile.toString());
        Path home = Files.createTempDirectory("pyspy4j-go-home");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // pprof keeps fetched profiles under $HOME/pprof; a scratch home keeps the real one clean.
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PPROF_TMPDIR", home.toString());
        Process process = builder.start();
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("go tool pprof did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            String text = new String(output.join(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("go tool pprof failed (exit " + process.exitValue() + "): " + command
                        + System.lineSeparator() + text);
            }
            return text;
        } finally {
            process.destroyForcibly();
            process.waitFor();
            deleteTree(home);
        }
    }

    private static String goBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path go = Path.of(dir.isEmpty() ? "." : dir, "go");
            if (Files.isExecutable(go)) {
                return go.toString();
            }
        }
        throw new AssertionError("'go' is not on the PATH: the pprof tests read profiles with the real"
                + " 'go tool pprof'; install it with 'apt-get install -y golang-go' (./run-tests does)");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
