// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/browser} that drives Debian's headless Chromium through puppeteer-core and prints
 * what it saw. Chromium, node and puppeteer-core are installed by {@code ./run-tests}; a missing one fails the test
 * with what to install.
 */
public final class BrowserCheck {
    private static final String CHROMIUM = System.getenv().getOrDefault("PYSPY4J_CHROMIUM", "/usr/bin/chromium");
    private static final Path PUPPETEER_DIR = Path.of(
            System.getenv().getOrDefault("PYSPY4J_PUPPETEER_DIR", "/var/cache/pyspy4j/npm"));
    private static final long TIMEOUT_SECONDS = 120;

    private BrowserCheck() {
    }

    /** Fails with what to install when node, Chromium or puppeteer-core is missing. */
    public static void requireTools() {
        if (findOnPath("node") == null) {
            throw new IllegalStateException("node is not on the PATH; install Debian's nodejs (./run-tests does)");
        }
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException("no Chromium at " + CHROMIUM + "; install Debian's chromium "
                    + "(./run-tests does) or name another with PYSPY4J_CHROMIUM");
        }
        if (!Files.isRegularFile(PUPPETEER_DIR.resolve("node_modules/puppeteer-core/package.json"))) {
            throw new IllegalStateException("puppeteer-core is not installed under " + PUPPETEER_DIR
                    + "; ./run-tests installs it there (npm ci of src/test/browser/package-lock.json), or name another"
                    + " directory with PYSPY4J_PUPPETEER_DIR");
        }
    }

    private static Path findOnPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return Path.of(directory, tool);
            }
        }
        return null;
    }

    /**
     * Runs {@code script} with {@code args} and returns what it printed; its output and errors go to files in
     * {@code work}. Chromium and everything else it started end with it.
     */
    public static String run(Path script, Path work, String... args) throws IOException, InterruptedException {
        Path output = work.resolve("check.json");
        Path errors = work.resolve("check.err");
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().put("CHROMIUM", CHROMIUM);
        builder.environment().put("PUPPETEER_DIR", PUPPETEER_DIR.toAbsolutePath().toString());
        Process node = builder.start();
        try {
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the browser check did not finish in " + TIMEOUT_SECONDS + " s: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            if (node.exitValue() != 0) {
                throw new AssertionError("the browser check failed (exit " + node.exitValue() + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            // Normally Chromium has exited with the script; after a timeout or a crash it may not have.
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
    }
}
