// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import java.util.Arrays;

/** A growable array of {@code int}s: four bytes per element where a {@code List<Integer>} costs about twenty. */
public final class IntList {
    private int[] elements = new int[16];
    private int size;

    public void add(int value) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = value;
    }

    public int get(int index) {
        checkIndex(index);
        return elements[index];
    }

    public void set(int index, int value) {
        checkIndex(index);
        elements[index] = value;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The last element; the list must not be empty. */
    public int last() {
        return get(size - 1);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for size " + size);
        }
    }
}
