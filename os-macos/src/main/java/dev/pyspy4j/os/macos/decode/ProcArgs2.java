// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument area {@code sysctl({CTL_KERN, KERN_PROCARGS2, pid})} returns (xnu's {@code bsd/kern/kern_sysctl.c},
 * {@code sysctl_procargsx}): a native {@code int argc}, the executable path NUL-terminated, NUL padding up to the
 * strings area, then {@code argc} NUL-terminated arguments (the environment follows and is ignored).
 *
 * @param executablePath the path the program was started from ({@code exec_path})
 * @param arguments      {@code argv}, {@code argc} strings
 */
public record ProcArgs2(String executablePath, List<String> arguments) {
    /** {@code CTL_KERN} and {@code KERN_PROCARGS2} of {@code bsd/sys/sysctl.h}. */
    public static final int CTL_KERN = 1;
    public static final int KERN_PROCARGS2 = 49;
    private static final String STRUCT = "KERN_PROCARGS2 area";

    public ProcArgs2 {
        arguments = List.copyOf(arguments);
    }

    /**
     * Decodes the area; MALFORMED_INPUT when it is shorter than {@code argc}, a string is not terminated, or
     * {@code argc} is negative or larger than the bytes left could hold. One pass over the bytes, never more.
     */
    public static ProcArgs2 decode(byte[] bytes) {
        ByteBuffer buffer = StructBytes.of(bytes, 4, STRUCT);
        int argc = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (argc < 0 || argc > bytes.length - 4) {
            throw StructBytes.malformed(STRUCT, "argc " + argc + " does not fit in " + bytes.length + " bytes");
        }
        int end = terminator(bytes, 4, "the executable path");
        String executable = new String(bytes, 4, end - 4, StandardCharsets.UTF_8);
        int at = end;
        while (at < bytes.length && bytes[at] == 0) {
            at++;
        }
        List<String> arguments = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            int argumentEnd = terminator(bytes, at, "argument " + i);
            arguments.add(new String(bytes, at, argumentEnd - at, StandardCharsets.UTF_8));
            at = argumentEnd + 1;
        }
        return new ProcArgs2(executable, arguments);
    }

    private static int terminator(byte[] bytes, int from, String what) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw StructBytes.malformed(STRUCT, what + " at byte " + from + " is not NUL-terminated");
    }
}
