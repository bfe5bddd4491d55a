// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import java.util.Arrays;

/** A growable array of {@code long}s, eight bytes per element, for timestamps and weights. */
public final class LongList {
    private long[] elements = new long[16];
    private int size;

    public void add(long value) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = value;
    }

    public long get(int index) {
        checkIndex(index);
        return elements[index];
    }

    public void set(int index, long value) {
        checkIndex(index);
        elements[index] = value;
    }

    public int size() {
        return size;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for size " + size);
        }
    }
}
