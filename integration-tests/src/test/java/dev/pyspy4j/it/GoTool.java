// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real {@code go tool pprof} (Debian's {@code golang-go}), which reads the profiles {@code -f pprof} writes.
 * Without {@code go} the test fails and says how to install it: it is never skipped.
 */
final class GoTool {
    private GoTool() {
    }

    /** What {@code go tool pprof <options> <profile>} prints; fails when it fails. */
    static String pprof(Path profile, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(go(), "tool", "pprof"));
        command.addAll(List.of(options));
        command.add(profile.toString());
        Path home = Files.createTempDirectory("pyspy4j-go-home");
        // pprof keeps what it fetches under $HOME/pprof; a scratch home keeps the real one clean.
        Pyspy4jJar.Result result;
        try {
            result = Pyspy4jJar.runCommand(command, home, environment -> {
                environment.put("HOME", home.toString());
                environment.put("PPROF_TMPDIR", home.toString());
            });
        } finally {
            deleteTree(home);
        }
        if (result.exitCode() != 0) {
            throw new AssertionError("go tool pprof failed: " + result.describe());
        }
        return result.out();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String go() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path go = Path.of(dir.isEmpty() ? "." : dir, "go");
            if (Files.isExecutable(go)) {
                return go.toString();
            }
        }
        throw new AssertionError("'go' is not on the PATH: the pprof tests read profiles with the real"
                + " 'go tool pprof'; install it with 'apt-get install -y golang-go' (./run-tests does)");
    }
}
