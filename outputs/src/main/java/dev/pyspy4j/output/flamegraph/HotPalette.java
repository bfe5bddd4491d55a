// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import java.nio.charset.StandardCharsets;

/**
 * flamegraph.pl's "hot" colours (red 205..255, green 0..230, blue 0..55), chosen from a hash of the label rather than
 * at random, so that a function has the same colour everywhere in a graph and across graphs.
 */
final class HotPalette {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private HotPalette() {
    }

    /** The colour of {@code label}, as {@code rgb(r,g,b)}. */
    static String colour(String label) {
        long hash = fnv1a(label);
        int red = 205 + (int) (50 * fraction(hash, 0));
        int green = (int) (230 * fraction(hash, 16));
        int blue = (int) (55 * fraction(hash, 32));
        return "rgb(" + red + "," + green + "," + blue + ")";
    }

    /** 16 bits of the hash as a number in [0, 1). */
    private static double fraction(long hash, int shift) {
        return ((hash >>> shift) & 0xFFFF) / 65536.0;
    }

    private static long fnv1a(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
