// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.cli.PermissionHint;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;

/**
 * The failure that ends a run none of whose reads succeeded: the file is written, yet it holds nothing, so the run
 * must not look like a success. The line names the most common cause and its remedy.
 */
public final class EverySampleFailed {
    private EverySampleFailed() {
    }

    /**
     * @param mostCommon      the latest failure of the most common reason
     * @param ptraceScopeFile where Yama's restriction is read when the failure carries no facts of its own
     */
    public static SpyException because(SpyException mostCommon, Path ptraceScopeFile) {
        String message = "every sample failed: " + firstLine(mostCommon.getMessage()) + remedy(mostCommon,
                ptraceScopeFile);
        // A failure against the target (exit code 1) whatever the cause, as the run itself did not fail to start.
        return new SpyException(FailureKind.MEMORY_READ, message, mostCommon);
    }

    private static String remedy(SpyException failure, Path ptraceScopeFile) {
        return switch (failure.kind()) {
            case PERMISSION_DENIED -> PermissionHint.remedies(failure, ptraceScopeFile);
            case INTERNAL -> " (run with --verbose for details)";
            default -> "";
        };
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
