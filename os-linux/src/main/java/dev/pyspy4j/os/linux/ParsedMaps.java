// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.ProcMaps;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;

/**
 * The regions of a process's maps file, parsed again only when its text changed. Opening a target asks for its
 * regions several times within milliseconds (finding the interpreter's binaries, loading each image, scanning the
 * writable memory); the text is read every time, so a change is never missed, but parsing it again is most of the
 * cost while the parser still runs interpreted. Safe for concurrent use.
 */
final class ParsedMaps {
    private volatile Parsed last;

    /** The regions {@code text} describes; {@code source} names the file in parse errors. Immutable. */
    List<MemoryRegion> regions(String text, String source) {
        Parsed known = last;
        if (known != null && known.text.equals(text)) {
            return known.regions;
        }
        Parsed parsed = new Parsed(text, List.copyOf(ProcMaps.parse(text, source)));
        last = parsed;
        return parsed.regions;
    }

    private static final class Parsed {
        final String text;
        final List<MemoryRegion> regions;

        Parsed(String text, List<MemoryRegion> regions) {
            this.text = text;
            this.regions = regions;
        }
    }
}
