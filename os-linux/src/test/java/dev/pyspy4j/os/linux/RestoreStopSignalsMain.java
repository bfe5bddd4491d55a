// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints this JVM's set of ignored signals ({@code SigIgn} of {@code /proc/self/status}, a hexadecimal mask) before
 * and after {@link LinuxProcessAccessProvider#restoreDefaultStopSignals()}, one per line.
 */
public final class RestoreStopSignalsMain {
    private RestoreStopSignalsMain() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(ignoredSignals());
        new LinuxProcessAccessProvider().restoreDefaultStopSignals();
        System.out.println(ignoredSignals());
    }

    private static String ignoredSignals() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> line.substring("SigIgn:".length()).strip())
                .findFirst().orElseThrow();
    }
}
