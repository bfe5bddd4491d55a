// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The NUL-terminated character arrays of kernel structs. */
public final class CStrings {
    private CStrings() {
    }

    /**
     * The text from {@code offset} up to the first NUL or the end of the field ({@code length} bytes), as UTF-8.
     * Never fails: the caller has checked that the field lies inside {@code bytes}.
     */
    public static String field(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The whole buffer up to its first NUL (kern.proc.pathname's value). */
    public static String of(byte[] bytes) {
        return field(bytes, 0, bytes.length);
    }

    /** NUL-separated strings (kern.proc.args' value): each one ends in a NUL; a last one without it is kept. */
    public static List<String> list(byte[] bytes) {
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                strings.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            strings.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return List.copyOf(strings);
    }
}
