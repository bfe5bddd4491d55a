// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** The remedies appended to a permission-denied message, as py-spy gives them (README, "docker" and "kubernetes"). */
final class PermissionHint {
    private PermissionHint() {
    }

    /**
     * The remedies, starting with {@code "; "}. Yama's {@code ptrace_scope} (Documentation/admin-guide/LSM/Yama.rst)
     * is named only when it restricts attaching, i.e. is above 0.
     */
    static String remedies(Path ptraceScopeFile) {
        String remedies = "; run as root, or in Docker add --cap-add SYS_PTRACE,"
                + " or in Kubernetes add securityContext.capabilities.add: [SYS_PTRACE]";
        OptionalInt scope = readScope(ptraceScopeFile);
        if (scope.isPresent() && scope.getAsInt() > 0) {
            remedies += ", or allow attaching with sysctl kernel.yama.ptrace_scope=0 (it is " + scope.getAsInt() + ")";
        }
        return remedies;
    }

    private static OptionalInt readScope(Path file) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            // No Yama (file absent) or an unreadable value: nothing to suggest.
            return OptionalInt.empty();
        }
    }
}
