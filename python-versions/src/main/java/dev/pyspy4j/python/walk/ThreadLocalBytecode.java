// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Free-threaded CPython 3.14+ lets each thread specialize its own copy of a function's bytecode: a frame's
 * {@code instr_ptr} then points into copy number {@code tlbc_index} of the code object's {@code co_tlbc} array
 * (copy 0 is the code object's own {@code co_code_adaptive}). Line tables are indexed by instruction offset,
 * which is the same in every copy, so the pointer is moved to the same offset in the code object's own copy and
 * the rest of the walk need not know there were copies.
 *
 * @param frameIndex   {@code _PyInterpreterFrame.tlbc_index}
 * @param codeArray    {@code PyCodeObject.co_tlbc}, the {@code _PyCodeArray*}
 * @param codeAdaptive {@code PyCodeObject.co_code_adaptive}, where copy 0 starts
 * @param arraySize    {@code _PyCodeArray.size}, the number of entries
 * @param arrayEntries {@code _PyCodeArray.entries}, the copies' start addresses
 */
public record ThreadLocalBytecode(int frameIndex, int codeArray, int codeAdaptive, int arraySize,
                                  int arrayEntries) {
    /** More copies than this is garbage: there is one per thread that ran the code. */
    private static final long MAX_COPIES = 1 << 20;

    /** The offsets of a free-threaded 3.14+ table, or empty for a build without per-thread bytecode. */
    public static Optional<ThreadLocalBytecode> of(StructLayouts t) {
        if (!t.has("_PyInterpreterFrame.tlbc_index")) {
            return Optional.empty();
        }
        return Optional.of(new ThreadLocalBytecode(t.offset("_PyInterpreterFrame.tlbc_index"),
                t.offset("PyCodeObject.co_tlbc"), t.offset("PyCodeObject.co_code_adaptive"),
                t.offset("_PyCodeArray.size"), t.offset("_PyCodeArray.entries")));
    }

    /**
     * The instruction pointer of {@code frame} (its copied bytes) moved into the code object's own bytecode.
     *
     * @throws TornSampleException when the frame's copy index or the pointer lies outside the code's copies
     */
    public long inCodeObject(RemoteReader reader, ByteBuffer frame, long code, long instruction) {
        int index = frame.getInt(frameIndex);
        if (index == 0) {
            return instruction;
        }
        if (index < 0) {
            throw new TornSampleException("frame runs bytecode copy " + index);
        }
        long array = reader.pointer(code + codeArray);
        if (array == 0) {
            throw new TornSampleException("frame runs bytecode copy " + index + " of a code object with none");
        }
        long copies = reader.pointer(array + arraySize);
        if (index >= copies || copies > MAX_COPIES) {
            throw new TornSampleException("frame runs bytecode copy " + index + " of " + copies);
        }
        long copy = reader.pointer(array + arrayEntries + (long) index * reader.pointerSize());
        return code + codeAdaptive + (instruction - copy);
    }
}
