// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text template whose slots are written as a lower-case name between double braces; Java code writes the
 * markup around them only through the template (async-profiler's {@code flame.html} and {@code printTill}).
 * Rendering streams literal text and lets each slot's {@link Filler} write its part.
 */
final class SvgTemplate {
    private static final String RESOURCE = "/dev/pyspy4j/output/flamegraph/flamegraph.svg";
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    /** Literal text and slot names alternating, starting and ending with literal text (maybe empty). */
    private final List<String> parts;
    private final Set<String> slots;

    private SvgTemplate(List<String> parts) {
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        this.slots = Set.copyOf(names);
    }

    /** The flame graph template shipped in this jar. */
    static SvgTemplate flameGraph() {
        try (InputStream in = SvgTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Splits template text at its slots.
     *
     * @throws IllegalArgumentException when an opening brace pair has no well-formed slot name and closing pair
     */
    static SvgTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = text.indexOf(OPEN, from)) >= 0) {
            int close = text.indexOf(CLOSE, open);
            String name = close < 0 ? "" : text.substring(open + OPEN.length(), close);
            if (!name.matches("[a-z]+")) {
                throw new IllegalArgumentException("malformed slot at offset " + open + " of the template");
            }
            parts.add(text.substring(from, open));
            parts.add(name);
            from = close + CLOSE.length();
        }
        parts.add(text.substring(from));
        return new SvgTemplate(parts);
    }

    /** The slot names, each once. */
    Set<String> slots() {
        return slots;
    }

    /**
     * Writes the template with every slot filled.
     *
     * @throws IllegalArgumentException when {@code fillers} does not name exactly the template's slots
     */
    void render(Writer out, Map<String, Filler> fillers) throws IOException {
        if (!fillers.keySet().equals(slots)) {
            throw new IllegalArgumentException("template slots " + slots + " do not match fillers "
                    + fillers.keySet());
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.write(parts.get(i));
            } else {
                fillers.get(parts.get(i)).fill(out);
            }
        }
    }

    /** Writes one slot's content. */
    @FunctionalInterface
    interface Filler {
        void fill(Writer out) throws IOException;
    }
}
