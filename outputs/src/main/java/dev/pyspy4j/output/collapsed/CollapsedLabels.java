// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.spi.model.Frame;

/**
 * Reads a frame back from its collapsed-stack label, the inverse of {@code FrameLabels}: {@code name (file:line)},
 * {@code name (file)} or just {@code name} (pseudo-frames such as {@code thread (1234): MainThread}). The label
 * made from the frame returned is always the label read, so collapsed stacks convert to other formats and back
 * unchanged; where a name or file itself holds {@code " ("}, the split may differ from the original frame's.
 */
public final class CollapsedLabels {
    private CollapsedLabels() {
    }

    /** The frame whose label is {@code label}. */
    public static Frame frame(String label) {
        int open = label.lastIndexOf(" (");
        if (!label.endsWith(")") || open < 0 || open + 3 > label.length()) {
            return Frame.python(label, "", 0);
        }
        String name = label.substring(0, open);
        String inside = label.substring(open + 2, label.length() - 1);
        if (inside.isEmpty()) {
            return Frame.python(label, "", 0);
        }
        int colon = inside.lastIndexOf(':');
        if (colon >= 0 && isLineNumber(inside.substring(colon + 1))) {
            return Frame.python(name, inside.substring(0, colon), Integer.parseInt(inside.substring(colon + 1)));
        }
        return Frame.python(name, inside, 0);
    }

    /** A positive decimal int written as Java writes one: no sign, no leading zero. */
    private static boolean isLineNumber(String digits) {
        if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Long.parseLong(digits) <= Integer.MAX_VALUE;
    }
}
