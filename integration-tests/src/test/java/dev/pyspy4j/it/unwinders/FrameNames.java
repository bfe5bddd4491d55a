// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the frames of a native stack that lie in the call-chain program, from its symbols and its load bias (a
 * position-independent executable is mapped at a random base: the start of its mapping at file offset 0). Frames
 * elsewhere (libc, the loader) are named {@link #OUTSIDE}. Every frame but the leaf holds a return address, which
 * is looked up one byte back, inside the call.
 */
final class FrameNames {
    static final String OUTSIDE = "(outside the program)";

    private final ProgramSymbols symbols;
    private final List<MemoryRegion> programRegions;
    private final long loadBias;

    FrameNames(ProgramSymbols symbols, Path executable, List<MemoryRegion> regions) {
        this.symbols = symbols;
        String path = executable.toAbsolutePath().toString();
        this.programRegions = regions.stream().filter(region -> region.path().equals(path)).toList();
        this.loadBias = programRegions.stream().filter(region -> region.fileOffset() == 0)
                .mapToLong(MemoryRegion::start).findFirst()
                .orElseThrow(() -> new IllegalStateException(path + " is not mapped at offset 0: " + regions));
    }

    /** The name of each frame, leaf first. */
    List<String> of(NativeStack stack) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stack.size(); i++) {
            names.add(nameAt(i == 0 ? stack.address(i) : stack.address(i) - 1));
        }
        return names;
    }

    /** The function at a run-time address, or {@link #OUTSIDE}. */
    String nameAt(long address) {
        if (programRegions.stream().noneMatch(region -> region.contains(address))) {
            return OUTSIDE;
        }
        return symbols.functionAt(address - loadBias).orElse("(unnamed code in the program)");
    }
}
