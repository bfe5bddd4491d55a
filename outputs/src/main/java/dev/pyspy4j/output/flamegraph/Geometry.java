// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

/**
 * The flame graph's dimensions in pixels, inferno's defaults as py-spy uses them: 1200 wide, 16 per frame,
 * Verdana 12, frames narrower than 0.1 dropped.
 *
 * @param width       image width
 * @param pad         horizontal margin on each side
 * @param frameHeight height of one row of frames (the bar is one pixel less)
 * @param top         space above the first row, for the title and the buttons
 * @param bottom      space below the last row, for the details line
 * @param fontSize    text size of frame labels
 * @param fontWidth   average glyph width as a fraction of the font size, to fit labels into bars
 * @param minWidth    bars narrower than this are not drawn
 */
record Geometry(int width, int pad, int frameHeight, int top, int bottom, int fontSize, double fontWidth,
                double minWidth) {
    static final Geometry STANDARD = new Geometry(1200, 10, 16, 36, 34, 12, 0.59, 0.1);

    /** The width frames are drawn in. */
    int plotWidth() {
        return width - 2 * pad;
    }

    /** The image height for rows {@code 0..maxDepth}. */
    int height(int maxDepth) {
        return top + (maxDepth + 1) * frameHeight + bottom;
    }

    /** The top of the bars of row {@code depth}; row 0 (all samples) is at the top, as in an icicle graph. */
    int rowTop(int depth) {
        return top + depth * frameHeight;
    }

    /** The label as it fits into a bar {@code barWidth} wide: cut with {@code ..}, or empty when too narrow. */
    String fit(String label, double barWidth) {
        int room = (int) ((barWidth - 6) / (fontSize * fontWidth));
        if (room < 3) {
            return "";
        }
        int length = label.codePointCount(0, label.length());
        if (length <= room) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, room - 2)) + "..";
    }
}
