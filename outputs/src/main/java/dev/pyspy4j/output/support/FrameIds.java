// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import java.util.Arrays;

/**
 * A stack as the interned ids of its frames, with value equality, so that whole stacks can be interned too.
 * The array is copied in and never exposed, which keeps the hash stable.
 */
public final class FrameIds {
    private final int[] ids;
    private final int hash;

    public FrameIds(int[] ids) {
        this.ids = ids.clone();
        this.hash = Arrays.hashCode(this.ids);
    }

    public int length() {
        return ids.length;
    }

    public int get(int index) {
        return ids[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrameIds that && hash == that.hash && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
