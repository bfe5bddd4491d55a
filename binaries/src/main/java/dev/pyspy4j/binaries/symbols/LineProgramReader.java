// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ElfFile;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the line number programs of {@code .debug_line} (DWARF 2 to 5, section 6.2 of the DWARF standard) and keeps
 * each row as the address range up to the next row of its sequence, so where several rows share an address (gcc's
 * location views) the last one names it, as addr2line does. Every unit's header is checked; any inconsistency is
 * MALFORMED_INPUT.
 */
final class LineProgramReader {
    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;
    private static final int DW_FORM_BLOCK = 0x09;
    private static final int DW_FORM_BLOCK1 = 0x0a;
    private static final int DW_FORM_DATA1 = 0x0b;
    private static final int DW_FORM_DATA2 = 0x05;
    private static final int DW_FORM_DATA4 = 0x06;
    private static final int DW_FORM_DATA8 = 0x07;
    private static final int DW_FORM_DATA16 = 0x1e;
    private static final int DW_FORM_STRING = 0x08;
    private static final int DW_FORM_STRP = 0x0e;
    private static final int DW_FORM_UDATA = 0x0f;
    private static final int DW_FORM_LINE_STRP = 0x1f;

    private final DwarfCursor in;
    private final ByteBuffer debugStr;
    private final ByteBuffer debugLineStr;
    private final String fileName;
    private final LineTable.Builder rows = new LineTable.Builder();
    private final List<String> fileNames = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();

    private LineProgramReader(ByteBuffer debugLine, ByteBuffer debugStr, ByteBuffer debugLineStr, String fileName) {
        this.in = new DwarfCursor(debugLine, "section .debug_line of " + fileName);
        this.debugStr = debugStr;
        this.debugLineStr = debugLineStr;
        this.fileName = fileName;
    }

    /** The line table of {@code elf}; empty when it has no (readable) {@code .debug_line}. */
    static LineTable read(ElfFile elf) {
        Optional<ByteBuffer> debugLine = DebugSection.read(elf, ".debug_line");
        if (debugLine.isEmpty()) {
            return LineTable.empty();
        }
        return read(debugLine.get(), DebugSection.read(elf, ".debug_str").orElse(null),
                DebugSection.read(elf, ".debug_line_str").orElse(null), elf.fileName());
    }

    /** The line table of the section bytes given; a string section may be null when the file has none. */
    static LineTable read(ByteBuffer debugLine, ByteBuffer debugStr, ByteBuffer debugLineStr, String fileName) {
        LineProgramReader reader = new LineProgramReader(debugLine, debugStr, debugLineStr, fileName);
        while (reader.in.hasRemaining()) {
            reader.unit();
        }
        return reader.rows.build(reader.fileNames.toArray(String[]::new));
    }

    private void unit() {
        long length = in.u32();
        int offsetSize = 4;
        if (length == 0xffff_ffffL) {
            length = in.u64();
            offsetSize = 8;
        } else if (length >= 0xffff_fff0L) {
            throw in.malformed("reserved unit length 0x" + Long.toHexString(length));
        }
        long end = in.position() + length;
        if (length < 0 || end > in.limit()) {
            throw in.malformed("unit of " + Long.toUnsignedString(length) + " bytes runs past the section");
        }
        int sectionLimit = in.limit();
        in.limit(end);
        int version = in.u16();
        if (version < 2 || version > 5) {
            throw in.malformed("line table version " + version);
        }
        if (version >= 5) {
            // address_size and segment_selector_size; DW_LNE_set_address carries its own operand length
            in.u8();
            in.u8();
        }
        long headerLength = in.unsigned(offsetSize);
        long programStart = in.position() + headerLength;
        if (headerLength < 0 || programStart > end) {
            throw in.malformed("header length " + headerLength + " runs past the unit");
        }
        Header header = header(version, offsetSize);
        in.seek(programStart);
        run(header);
        in.limit(sectionLimit);
        in.seek(end);
    }

    private record Header(int minimumInstructionLength, int maximumOperations, boolean defaultIsStatement,
                          int lineBase, int lineRange, int opcodeBase, int[] standardOpcodeLengths,
                          List<String> files, int firstFile) {
    }

    private Header header(int version, int offsetSize) {
        int minimumInstructionLength = in.u8();
        int maximumOperations = version >= 4 ? in.u8() : 1;
        boolean defaultIsStatement = in.u8() != 0;
        int lineBase = in.s8();
        int lineRange = in.u8();
        int opcodeBase = in.u8();
        if (lineRange == 0) {
            throw in.malformed("line_range is 0");
        }
        int[] lengths = new int[Math.max(opcodeBase, 1)];
        for (int opcode = 1; opcode < opcodeBase; opcode++) {
            lengths[opcode] = in.u8();
        }
        List<String> files = new ArrayList<>();
        if (version >= 5) {
            List<String> directories = new ArrayList<>();
            entries(offsetSize, directories, null);
            entries(offsetSize, files, directories);
            return new Header(minimumInstructionLength, maximumOperations, defaultIsStatement, lineBase, lineRange,
                    opcodeBase, lengths, files, 0);
        }
        List<String> directories = new ArrayList<>();
        directories.add("");
        for (String directory = in.string(); !directory.isEmpty(); directory = in.string()) {
            directories.add(directory);
        }
        for (String name = in.string(); !name.isEmpty(); name = in.string()) {
            files.add(legacyFile(name, directories));
        }
        return new Header(minimumInstructionLength, maximumOperations, defaultIsStatement, lineBase, lineRange,
                opcodeBase, lengths, files, 1);
    }

    /** A file entry of DWARF 2 to 4: name, directory index, modification time, length. */
    private String legacyFile(String name, List<String> directories) {
        long directory = in.uleb();
        in.uleb();
        in.uleb();
        return join(directory >= 0 && directory < directories.size() ? directories.get((int) directory) : "", name);
    }

    /**
     * DWARF 5's self-describing directory or file table: a format (content type and form per field), a count, then
     * the entries; {@code directories} is null while the directories themselves are read.
     */
    private void entries(int offsetSize, List<String> into, List<String> directories) {
        int formatCount = in.u8();
        long[] contentTypes = new long[formatCount];
        long[] forms = new long[formatCount];
        for (int i = 0; i < formatCount; i++) {
            contentTypes[i] = in.uleb();
            forms[i] = in.uleb();
        }
        long count = in.uleb();
        // every field takes at least one byte, so a count beyond the bytes left (or entries without fields) is a lie
        if (count != 0 && (formatCount == 0 || count < 0 || count > in.limit() - in.position())) {
            throw in.malformed("directory or file table of " + Long.toUnsignedString(count) + " entries");
        }
        for (long entry = 0; entry < count; entry++) {
            String path = "";
            long directory = 0;
            for (int field = 0; field < formatCount; field++) {
                if (contentTypes[field] == DW_LNCT_PATH) {
                    path = stringForm(forms[field], offsetSize);
                } else if (contentTypes[field] == DW_LNCT_DIRECTORY_INDEX) {
                    directory = numberForm(forms[field]);
                } else {
                    skipForm(forms[field], offsetSize);
                }
            }
            if (directories == null) {
                // DWARF 5 lists the compilation directory first; the others may be relative to it
                into.add(into.isEmpty() ? path : join(into.get(0), path));
            } else {
                into.add(join(directory >= 0 && directory < directories.size()
                        ? directories.get((int) directory) : "", path));
            }
        }
    }

    private String stringForm(long form, int offsetSize) {
        if (form == DW_FORM_STRING) {
            return in.string();
        }
        if (form == DW_FORM_LINE_STRP || form == DW_FORM_STRP) {
            long offset = in.unsigned(offsetSize);
            ByteBuffer strings = form == DW_FORM_LINE_STRP ? debugLineStr : debugStr;
            if (strings == null) {
                throw in.malformed("a file name refers to a missing string section");
            }
            DwarfCursor cursor = new DwarfCursor(strings, "string section of " + fileName);
            cursor.seek(offset);
            return cursor.string();
        }
        throw in.malformed("unsupported form 0x" + Long.toHexString(form) + " for a path");
    }

    private long numberForm(long form) {
        if (form == DW_FORM_UDATA) {
            return in.uleb();
        }
        return switch ((int) form) {
            case DW_FORM_DATA1 -> in.u8();
            case DW_FORM_DATA2 -> in.u16();
            case DW_FORM_DATA4 -> in.u32();
            case DW_FORM_DATA8 -> in.u64();
            default -> throw in.malformed("unsupported form 0x" + Long.toHexString(form) + " for a number");
        };
    }

    private void skipForm(long form, int offsetSize) {
        switch ((int) form) {
            case DW_FORM_STRING -> in.string();
            case DW_FORM_LINE_STRP, DW_FORM_STRP -> in.skip(offsetSize);
            case DW_FORM_DATA1, DW_FORM_DATA2, DW_FORM_DATA4, DW_FORM_DATA8, DW_FORM_UDATA -> numberForm(form);
            case DW_FORM_DATA16 -> in.skip(16);
            case DW_FORM_BLOCK -> in.skip(in.uleb());
            case DW_FORM_BLOCK1 -> in.skip(in.u8());
            default -> throw in.malformed("unsupported form 0x" + Long.toHexString(form) + " in a file table");
        }
    }

    /** The line number state machine; a row's range ends where the next row of its sequence starts. */
    private void run(Header header) {
        long address = 0;
        long file = 1;
        long line = 1;
        long rowAddress = 0;
        int rowFile = -1;
        int rowLine = 0;
        boolean pending = false;
        while (in.hasRemaining()) {
            int opcode = in.u8();
            boolean emit = false;
            boolean endSequence = false;
            if (opcode >= header.opcodeBase()) {
                int adjusted = opcode - header.opcodeBase();
                address += (long) (adjusted / header.lineRange()) * header.minimumInstructionLength();
                line += header.lineBase() + adjusted % header.lineRange();
                emit = true;
            } else if (opcode == 0) {
                long length = in.uleb();
                if (length == 0) {
                    continue;
                }
                int instructionEnd = checkedEnd(length);
                int extended = in.u8();
                if (extended == DW_LNE_END_SEQUENCE) {
                    emit = true;
                    endSequence = true;
                } else if (extended == DW_LNE_SET_ADDRESS) {
                    int size = instructionEnd - in.position();
                    if (size != 4 && size != 8) {
                        throw in.malformed("DW_LNE_set_address with a " + size + "-byte operand");
                    }
                    address = in.unsigned(size);
                } else if (extended == DW_LNE_DEFINE_FILE) {
                    header.files().add(in.string());
                }
                in.seek(instructionEnd);
            } else {
                switch (opcode) {
                    case DW_LNS_COPY -> emit = true;
                    case DW_LNS_ADVANCE_PC -> address += in.uleb() * header.minimumInstructionLength();
                    case DW_LNS_ADVANCE_LINE -> line += in.sleb();
                    case DW_LNS_SET_FILE -> file = in.uleb();
                    case DW_LNS_CONST_ADD_PC -> address += (long) ((255 - header.opcodeBase()) / header.lineRange())
                            * header.minimumInstructionLength();
                    case DW_LNS_FIXED_ADVANCE_PC -> address += in.u16();
                    default -> {
                        for (int argument = 0; argument < header.standardOpcodeLengths()[opcode]; argument++) {
                            in.uleb();
                        }
                    }
                }
            }
            if (!emit) {
                continue;
            }
            if (pending && !isTombstone(rowAddress)) {
                rows.add(rowAddress, address, rowFile, rowLine);
            }
            if (endSequence) {
                pending = false;
                address = 0;
                file = 1;
                line = 1;
            } else {
                pending = true;
                rowAddress = address;
                rowFile = fileIndex(header, file);
                rowLine = (int) Math.max(0, Math.min(Integer.MAX_VALUE, line));
            }
        }
    }

    /**
     * Sequences of functions the linker discarded (COMDAT duplicates, garbage-collected sections) keep their rows
     * with the address set to 0 or to all ones; they describe no code of this file.
     */
    private static boolean isTombstone(long address) {
        return address == 0 || address == -1L;
    }

    private int checkedEnd(long length) {
        if (length < 0 || length > in.limit() - in.position()) {
            throw in.malformed("extended opcode of " + Long.toUnsignedString(length) + " bytes runs past the unit");
        }
        return in.position() + (int) length;
    }

    /** The index into the table's distinct names of file register {@code file}, or -1 for no such file. */
    private int fileIndex(Header header, long file) {
        long index = file - header.firstFile();
        if (index < 0 || index >= header.files().size()) {
            return -1;
        }
        String name = header.files().get((int) index);
        return fileIndex.computeIfAbsent(name, added -> {
            fileNames.add(added);
            return fileNames.size() - 1;
        });
    }

    private static String join(String directory, String name) {
        if (directory.isEmpty() || name.startsWith("/")) {
            return name;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }
}
