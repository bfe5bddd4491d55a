// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds CPython 3.14+'s {@code _Py_AsyncioModuleDebugOffsets}: in the {@code .AsyncioDebug} section of the
 * {@code _asyncio} extension module ({@code _asyncio.cpython-314-...so}, mapped once the program imports asyncio),
 * or of the interpreter's own binary where {@code _asyncio} is built in. Looked for at each read until found, since
 * the module may be loaded after pyspy4j attached.
 */
final class AsyncioDebugSection {
    static final String SECTION = ".AsyncioDebug";
    private static final String MODULE = "_asyncio.";

    private AsyncioDebugSection() {
    }

    static Optional<AsyncioDebugOffsets> locate(DiscoveredInterpreter found) {
        Set<String> candidates = new LinkedHashSet<>();
        for (MemoryRegion region : found.target().regions()) {
            String name = region.path().substring(region.path().lastIndexOf('/') + 1);
            if (name.startsWith(MODULE)) {
                candidates.add(region.path());
            }
        }
        List<BinaryImage> images = new ArrayList<>();
        for (String path : candidates) {
            found.target().image(path).ifPresent(images::add);
        }
        found.binaries().library().ifPresent(images::add);
        found.binaries().program().ifPresent(images::add);
        for (BinaryImage image : images) {
            Optional<BinaryImage.Section> section;
            try {
                section = image.section(SECTION);
            } catch (SpyException e) {
                continue;
            }
            if (section.isPresent() && section.get().size() >= AsyncioDebugOffsets.SIZE) {
                return Optional.of(AsyncioDebugOffsets.read(found.reader(), section.get().address()));
            }
        }
        return Optional.empty();
    }
}
