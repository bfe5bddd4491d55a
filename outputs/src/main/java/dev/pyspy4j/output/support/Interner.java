// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each distinct value (a frame label, a frame, a stack) a dense id, in order of first appearance, so that
 * recorders keep one copy of every value and count with small ints (async-profiler's {@code Index}).
 * Not thread-safe: a {@code Recorder} is used by one thread.
 *
 * @param <T> the value type, with value-based {@code equals} and {@code hashCode}
 */
public final class Interner<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    /** The id of {@code value}, assigning the next free one when it is new. */
    public int intern(T value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        int next = values.size();
        ids.put(value, next);
        values.add(value);
        return next;
    }

    /** The value with id {@code id}. */
    public T get(int id) {
        return values.get(id);
    }

    /** How many distinct values were interned; ids run from 0 to {@code size() - 1}. */
    public int size() {
        return values.size();
    }
}
