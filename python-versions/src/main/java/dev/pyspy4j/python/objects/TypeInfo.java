// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

/** What a reader needs to know about an object's type: its address, {@code tp_name}, flags, dict offset and
 * instance size. */
public record TypeInfo(long address, String name, long flags, long dictOffset, long basicSize) {
    public boolean hasFlag(long flag) {
        return (flags & flag) != 0;
    }
}
