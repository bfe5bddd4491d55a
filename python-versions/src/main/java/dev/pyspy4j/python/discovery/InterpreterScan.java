// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds an interpreter global ({@code _PyRuntime}, {@code interp_head}) in binaries without symbols: every
 * 8-aligned position of the sections where such a global lives is a candidate, and the first one whose
 * interpreter pointer leads to a thread state that points back at that interpreter wins. Each section is copied
 * once, so candidates are filtered locally and only plausible ones cost remote reads.
 */
public final class InterpreterScan {
    private static final int MAX_SECTION = 16 << 20;

    /** How to get from a candidate global to the interpreter and its first thread. */
    public record Shape(int interpreterPointer, int threadsHead, int threadInterp) {
    }

    private final TargetProcess target;
    private final List<MemoryRegion> writable;
    /** Where CPython's globals can be: its own section (3.11+), initialised data, zeroed data, as named there. */
    private final List<String> sections;

    public InterpreterScan(TargetProcess target) {
        this.target = target;
        this.writable = target.regions().stream().filter(MemoryRegion::isWritable).toList();
        this.sections = BinaryConventions.of(target.platform()).runtimeSections();
    }

    /** The address of the global in {@code image}'s sections, if one validates. */
    public OptionalLong scan(BinaryImage image, Shape shape) {
        for (String name : sections) {
            Optional<BinaryImage.Section> section = image.section(name);
            if (section.isPresent() && section.get().size() > 0 && section.get().size() <= MAX_SECTION) {
                OptionalLong found = scan(section.get(), shape);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong scan(BinaryImage.Section section, Shape shape) {
        SnapshotMemory snapshot = new SnapshotMemory(target.memory());
        try {
            snapshot.copy(section.address(), (int) section.size());
        } catch (SpyException e) {
            return OptionalLong.empty();
        }
        RemoteReader reader = new RemoteReader(snapshot, target.platform().arch());
        int word = reader.pointerSize();
        long end = section.address() + section.size() - shape.interpreterPointer() - word;
        for (long candidate = (section.address() + word - 1) & -word; candidate <= end; candidate += word) {
            if (validates(reader, candidate, shape)) {
                return OptionalLong.of(candidate);
            }
        }
        return OptionalLong.empty();
    }

    /** The classic check (py-spy, pystack, Austin): the interpreter's first thread points back at it. */
    public boolean validates(RemoteReader reader, long candidate, Shape shape) {
        try {
            long interpreter = reader.pointer(candidate + shape.interpreterPointer());
            if (!isWritable(interpreter)) {
                return false;
            }
            long thread = reader.pointer(interpreter + shape.threadsHead());
            // A type object fools the back-pointer check when both offsets are 8, as in 2.7: its ob_type (at 8)
            // is PyType_Type, whose ob_type is itself. A thread state is never its own interpreter.
            return isWritable(thread) && thread != interpreter
                    && reader.pointer(thread + shape.threadInterp()) == interpreter;
        } catch (SpyException e) {
            return false;
        }
    }

    private boolean isWritable(long address) {
        if ((address & 7) != 0 || address == 0) {
            return false;
        }
        for (MemoryRegion region : writable) {
            if (region.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
