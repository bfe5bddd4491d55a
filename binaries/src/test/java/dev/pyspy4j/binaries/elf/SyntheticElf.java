// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ELF files of any class and byte order straight from the gABI layouts (independently of
 * the reader), so 32-bit and big-endian files can be tested on an x86-64 machine. Sections:
 * [0] NULL, [1] .text, [2] .data, [3] .bss, [4] .symtab, [5] .strtab, [6] .shstrtab.
 */
final class SyntheticElf {
    /** A program header to write. */
    record Segment(long type, long flags, long offset, long vaddr, long fileSize, long memorySize, long align) {
    }

    /** A symbol to write into .symtab, after the mandatory null entry. */
    record Sym(String name, long value, long size, int info, int shndx) {
    }

    /** The bytes and where the writer put each part, so tests can corrupt chosen fields. */
    record Written(byte[] bytes, int phoff, int shoff, int symtabOffset, int strtabOffset, int strtabSize,
            int shstrtabOffset) {
    }

    static final long TEXT_ADDRESS_OFFSET = 0x1000;
    private static final String[] SECTION_NAMES = {"", ".text", ".data", ".bss", ".symtab", ".strtab", ".shstrtab"};

    private final boolean is64;
    private final ByteOrder order;
    private final int type;
    private final long base;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Sym> symbols = new ArrayList<>();

    SyntheticElf(boolean is64, ByteOrder order, int type, long base) {
        this.is64 = is64;
        this.order = order;
        this.type = type;
        this.base = base;
    }

    SyntheticElf segment(Segment segment) {
        segments.add(segment);
        return this;
    }

    SyntheticElf symbol(String name, long value, long size, int info, int shndx) {
        symbols.add(new Sym(name, value, size, info, shndx));
        return this;
    }

    long textAddress() {
        return base + TEXT_ADDRESS_OFFSET;
    }

    long dataAddress() {
        return base + 0x2000;
    }

    long bssAddress() {
        return base + 0x2100;
    }

    Written write() {
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int shentsize = is64 ? 64 : 40;
        int symentsize = is64 ? 24 : 16;
        int phoff = ehsize;
        int textOffset = align(phoff + segments.size() * phentsize, 16);
        int dataOffset = textOffset + 16;
        int symtabOffset = align(dataOffset + 8, 8);
        byte[] strtab = stringTable(symbols.stream().map(Sym::name).toList());
        int strtabOffset = symtabOffset + (symbols.size() + 1) * symentsize;
        byte[] shstrtab = stringTable(List.of(SECTION_NAMES).subList(1, SECTION_NAMES.length));
        int shstrtabOffset = strtabOffset + strtab.length;
        int shoff = align(shstrtabOffset + shstrtab.length, 8);
        ByteBuffer out = ByteBuffer.allocate(shoff + SECTION_NAMES.length * shentsize).order(order);
        header(out, phoff, shoff, ehsize, phentsize, shentsize);
        for (int i = 0; i < segments.size(); i++) {
            programHeader(out.position(phoff + i * phentsize), segments.get(i));
        }
        for (int i = 0; i < 16; i++) {
            out.put(textOffset + i, (byte) 0x90);
        }
        out.putLong(dataOffset, 0x1122334455667788L);
        writeSymbols(out.position(symtabOffset), strtab);
        out.put(strtabOffset, strtab).put(shstrtabOffset, shstrtab);
        long[][] sections = {
            {0, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, 6, textAddress(), textOffset, 16, 0, 0, 16, 0},
            {1, 3, dataAddress(), dataOffset, 8, 0, 0, 8, 0},
            {8, 3, bssAddress(), dataOffset + 8, 0x40, 0, 0, 32, 0},
            {2, 0, 0, symtabOffset, (symbols.size() + 1L) * symentsize, 5, 1, 8, symentsize},
            {3, 0, 0, strtabOffset, strtab.length, 0, 0, 1, 0},
            {3, 0, 0, shstrtabOffset, shstrtab.length, 0, 0, 1, 0}};
        for (int i = 0; i < sections.length; i++) {
            sectionHeader(out.position(shoff + i * shentsize), nameOffset(SECTION_NAMES[i]), sections[i]);
        }
        return new Written(out.array(), phoff, shoff, symtabOffset, strtabOffset, strtab.length, shstrtabOffset);
    }

    private void header(ByteBuffer out, int phoff, int shoff, int ehsize, int phentsize, int shentsize) {
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1),
            (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        out.putShort((short) type).putShort((short) (is64 ? 62 : 3)).putInt(1);
        putClass(out, textAddress());
        putClass(out, phoff);
        putClass(out, shoff);
        out.putInt(0).putShort((short) ehsize).putShort((short) phentsize).putShort((short) segments.size())
                .putShort((short) shentsize).putShort((short) SECTION_NAMES.length)
                .putShort((short) (SECTION_NAMES.length - 1));
    }

    private void programHeader(ByteBuffer out, Segment s) {
        out.putInt((int) s.type());
        if (is64) {
            out.putInt((int) s.flags());
        }
        putClass(out, s.offset());
        putClass(out, s.vaddr());
        putClass(out, s.vaddr());
        putClass(out, s.fileSize());
        putClass(out, s.memorySize());
        if (!is64) {
            out.putInt((int) s.flags());
        }
        putClass(out, s.align());
    }

    private void writeSymbols(ByteBuffer out, byte[] strtab) {
        out.position(out.position() + (is64 ? 24 : 16));
        int nameOffset = 1;
        for (Sym s : symbols) {
            out.putInt(nameOffset);
            nameOffset += s.name().getBytes(StandardCharsets.UTF_8).length + 1;
            if (is64) {
                out.put((byte) s.info()).put((byte) 0).putShort((short) s.shndx()).putLong(s.value()).putLong(s.size());
            } else {
                out.putInt((int) s.value()).putInt((int) s.size()).put((byte) s.info()).put((byte) 0)
                        .putShort((short) s.shndx());
            }
        }
    }

    private void sectionHeader(ByteBuffer out, int name, long[] f) {
        out.putInt(name).putInt((int) f[0]);
        putClass(out, f[1]);
        putClass(out, f[2]);
        putClass(out, f[3]);
        putClass(out, f[4]);
        out.putInt((int) f[5]).putInt((int) f[6]);
        putClass(out, f[7]);
        putClass(out, f[8]);
    }

    private void putClass(ByteBuffer out, long value) {
        if (is64) {
            out.putLong(value);
        } else {
            out.putInt((int) value);
        }
    }

    private static int nameOffset(String sectionName) {
        int offset = 1;
        for (int i = 1; i < SECTION_NAMES.length; i++) {
            if (SECTION_NAMES[i].equals(sectionName)) {
                return offset;
            }
            offset += SECTION_NAMES[i].length() + 1;
        }
        return 0;
    }

    private static byte[] stringTable(List<String> names) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        table.write(0);
        for (String name : names) {
            table.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            table.write(0);
        }
        return table.toByteArray();
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
