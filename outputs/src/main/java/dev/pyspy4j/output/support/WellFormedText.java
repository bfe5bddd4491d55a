// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

/**
 * Makes strings encodable as UTF-8. Names read from a target can hold unpaired UTF-16 surrogates (CPython's
 * {@code surrogateescape} keeps undecodable file-name bytes as lone U+DC80..U+DCFF), which UTF-8 cannot
 * represent: writers replace them with U+FFFD rather than fail or emit invalid bytes.
 */
public final class WellFormedText {
    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    public static String of(String text) {
        int bad = firstUnpairedSurrogate(text, 0);
        if (bad < 0) {
            return text;
        }
        StringBuilder fixed = new StringBuilder(text);
        while (bad >= 0) {
            fixed.setCharAt(bad, REPLACEMENT);
            bad = firstUnpairedSurrogate(text, bad + 1);
        }
        return fixed.toString();
    }

    private static int firstUnpairedSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
