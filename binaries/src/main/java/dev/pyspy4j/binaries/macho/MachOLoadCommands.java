// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import dev.pyspy4j.binaries.BoundedBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the load commands after {@code mach_header_64}: each {@code cmdsize} must be at least a load command's 8
 * bytes, keep the walk 8-byte aligned and stay inside {@code sizeofcmds}, so the walk ends after at most
 * {@code ncmds} steps whatever the values.
 */
final class MachOLoadCommands {
    static final long LC_SYMTAB = 0x2;
    static final long LC_SEGMENT_64 = 0x19;
    private static final int LOAD_COMMAND_SIZE = 8;
    private static final int SYMTAB_COMMAND_SIZE = 24;

    /** The location of the symbol and string tables ({@code symtab_command}). */
    record SymbolTableCommand(long symbolOffset, long symbolCount, long stringOffset, long stringSize) {
    }

    final List<MachOSegment> segments;
    final SymbolTableCommand symbolTable;

    private MachOLoadCommands(List<MachOSegment> segments, SymbolTableCommand symbolTable) {
        this.segments = segments;
        this.symbolTable = symbolTable;
    }

    static MachOLoadCommands read(BoundedBytes bytes, MachOHeader header) {
        bytes.requireRange(MachOHeader.SIZE, header.commandsSize(), "load commands");
        if (header.commandCount() > header.commandsSize() / LOAD_COMMAND_SIZE) {
            throw bytes.malformed(header.commandCount() + " load commands do not fit in sizeofcmds "
                    + header.commandsSize());
        }
        long end = MachOHeader.SIZE + header.commandsSize();
        long at = MachOHeader.SIZE;
        List<MachOSegment> segments = new ArrayList<>();
        SymbolTableCommand symbolTable = null;
        int sectionCount = 0;
        for (long i = 0; i < header.commandCount(); i++) {
            String what = "load command " + i;
            if (end - at < LOAD_COMMAND_SIZE) {
                throw bytes.malformed(what + " at 0x" + Long.toHexString(at) + " lies past the end of sizeofcmds");
            }
            long command = bytes.u32(at, what);
            long size = bytes.u32(at + 4, what);
            if (size < LOAD_COMMAND_SIZE || size % 8 != 0 || size > end - at) {
                throw bytes.malformed(String.format("%s at 0x%x has cmdsize %d (a multiple of 8, at least 8, within"
                        + " sizeofcmds)", what, at, size));
            }
            if (command == LC_SEGMENT_64) {
                MachOSegment segment = readSegment(bytes, at, size, sectionCount, what);
                sectionCount += segment.sections().size();
                segments.add(segment);
            } else if (command == LC_SYMTAB) {
                if (size < SYMTAB_COMMAND_SIZE) {
                    throw bytes.malformed(what + ": LC_SYMTAB with cmdsize " + size);
                }
                symbolTable = new SymbolTableCommand(bytes.u32(at + 8, what), bytes.u32(at + 12, what),
                        bytes.u32(at + 16, what), bytes.u32(at + 20, what));
            }
            at += size;
        }
        return new MachOLoadCommands(List.copyOf(segments), symbolTable);
    }

    private static MachOSegment readSegment(BoundedBytes bytes, long at, long size, int sectionsBefore, String what) {
        if (size < MachOSegment.SIZE) {
            throw bytes.malformed(what + ": LC_SEGMENT_64 with cmdsize " + size);
        }
        String name = bytes.fixedString(at + 8, 16, what);
        long sectionCount = bytes.u32(at + 64, what);
        if (sectionCount > (size - MachOSegment.SIZE) / MachOSection.SIZE) {
            throw bytes.malformed(String.format("%s: segment '%s' claims %d sections in cmdsize %d", what, name,
                    sectionCount, size));
        }
        List<MachOSection> sections = new ArrayList<>((int) sectionCount);
        for (int s = 0; s < sectionCount; s++) {
            long section = at + MachOSegment.SIZE + (long) s * MachOSection.SIZE;
            sections.add(new MachOSection(sectionsBefore + s + 1, bytes.fixedString(section + 16, 16, what),
                    bytes.fixedString(section, 16, what), bytes.u64(section + 32, what), bytes.u64(section + 40, what),
                    bytes.u32(section + 48, what), bytes.u32(section + 52, what), bytes.u32(section + 64, what)));
        }
        return new MachOSegment(name, bytes.u64(at + 24, what), bytes.u64(at + 32, what), bytes.u64(at + 40, what),
                bytes.u64(at + 48, what), (int) bytes.u32(at + 56, what), (int) bytes.u32(at + 60, what),
                bytes.u32(at + 68, what), sections);
    }
}
