// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import java.util.List;

/**
 * Which programs System Integrity Protection keeps even root from reading: those under the directories SIP
 * protects ({@code /System}, {@code /usr} except {@code /usr/local}, {@code /bin}, {@code /sbin}), among them the
 * {@code /usr/bin/python3} macOS ships. {@code task_for_pid} refuses them while SIP is on.
 */
final class SystemIntegrityProtection {
    private static final List<String> PROTECTED = List.of("/System/", "/usr/", "/bin/", "/sbin/");
    private static final String UNPROTECTED = "/usr/local/";

    private SystemIntegrityProtection() {
    }

    static boolean protects(String programPath) {
        if (programPath.startsWith(UNPROTECTED)) {
            return false;
        }
        return PROTECTED.stream().anyMatch(programPath::startsWith);
    }
}
