// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal. The JDK can only tell for standard input and output together
 * ({@link System#console()}); on Linux, {@code /proc/self/fd/2} names the device behind standard error
 * (proc(5)): a pseudo-terminal {@code /dev/pts/N} or a console {@code /dev/ttyN}.
 */
final class Terminals {
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminals() {
    }

    static boolean stderrIsTerminal(boolean consoleIsTerminal) {
        try {
            return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc (another OS): fall back on what the JDK can tell.
            return consoleIsTerminal;
        }
    }

    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }
}
