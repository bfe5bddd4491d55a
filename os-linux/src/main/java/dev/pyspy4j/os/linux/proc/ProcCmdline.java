// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/<pid>/cmdline} (proc(5)): the arguments, each followed by a NUL byte. Empty for kernel threads and
 * zombies. Bytes that are not UTF-8 are replaced rather than rejected: a command line is shown, never executed.
 */
public final class ProcCmdline {
    private ProcCmdline() {
    }

    /** Splits at NUL bytes; the terminator of the last argument does not start another one. */
    public static List<String> parse(byte[] bytes) {
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                arguments.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // A process may overwrite its argument area (setproctitle) and drop the final NUL.
            arguments.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return List.copyOf(arguments);
    }
}
