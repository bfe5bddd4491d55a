// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import dev.pyspy4j.output.flamegraph.FlameGraphLayout.LaidOutFrame;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a laid-out flame graph into the SVG template: an icicle graph (all samples at the top, callees below their
 * callers), one {@code <g>} per bar with its tooltip, bar and label, and the script for details, zoom and search
 * that the template carries. Everything is placed for {@link Geometry#width()}, which is what an image viewer shows;
 * opened in a browser, the script lays it out again for the width of the window or frame. Without samples the graph says so
 * instead of failing as inferno does.
 */
final class SvgWriter {
    static final String NO_SAMPLES = "No samples";
    /** Rows reserved for the message when there is nothing to draw. */
    private static final int EMPTY_ROWS = 2;

    private final SvgTemplate template;
    private final FlameGraphLayout layout;
    private final Geometry geometry;

    SvgWriter(SvgTemplate template, FlameGraphLayout layout) {
        this.template = template;
        this.layout = layout;
        this.geometry = layout.geometry();
    }

    /** Writes the SVG in UTF-8; flushes but does not close {@code out}. */
    void write(String title, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean empty = layout.totalSamples() == 0;
        int height = geometry.height(empty ? EMPTY_ROWS - 1 : layout.maxDepth());
        Map<String, SvgTemplate.Filler> slots = new HashMap<>();
        slots.put("width", number(geometry.width()));
        slots.put("height", number(height));
        slots.put("total", number(layout.totalSamples()));
        slots.put("pad", number(geometry.pad()));
        slots.put("charwidth", w -> w.write(Decimals.twoPlaces(geometry.fontSize() * geometry.fontWidth())));
        slots.put("center", number(geometry.width() / 2));
        slots.put("right", number(geometry.width() - geometry.pad()));
        slots.put("bottomtext", number(height - geometry.bottom() / 2 + geometry.fontSize() / 2));
        slots.put("messagey", number(geometry.rowTop(EMPTY_ROWS / 2)));
        slots.put("title", w -> XmlText.write(w, title));
        slots.put("message", w -> w.write(empty ? NO_SAMPLES : ""));
        slots.put("frames", w -> layout.forEachFrame(frame -> writeFrame(w, frame)));
        template.render(writer, slots);
        writer.flush();
    }

    private static SvgTemplate.Filler number(long value) {
        return w -> w.write(Long.toString(value));
    }

    private void writeFrame(Writer out, LaidOutFrame frame) throws IOException {
        double x = layout.x(frame.start());
        double width = layout.width(frame.samples());
        int y = geometry.rowTop(frame.depth());
        out.write("<g data-s=\"");
        out.write(Long.toString(frame.start()));
        out.write("\" data-n=\"");
        out.write(Long.toString(frame.samples()));
        out.write("\"><title>");
        XmlText.write(out, frame.label());
        out.write(" (" + frame.samples() + " samples, "
                + Decimals.twoPlaces(100.0 * frame.samples() / layout.totalSamples()) + "%)");
        out.write("</title><rect x=\"" + Decimals.twoPlaces(x) + "\" y=\"" + y + "\" width=\""
                + Decimals.twoPlaces(width) + "\" height=\"" + (geometry.frameHeight() - 1) + "\" fill=\""
                + HotPalette.colour(frame.label()) + "\" rx=\"2\" ry=\"2\"/><text x=\"" + Decimals.twoPlaces(x + 3)
                + "\" y=\"" + (y + geometry.frameHeight() - 4) + "\">");
        XmlText.write(out, geometry.fit(frame.label(), width));
        out.write("</text></g>\n");
    }
}
