// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.PN_XNUM;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the program header table ({@code e_phoff}, {@code e_phnum} entries of {@code e_phentsize} bytes). */
final class ElfProgramHeaderTable {
    private ElfProgramHeaderTable() {
    }

    static List<ElfProgramHeader> read(ElfReader reader, ElfHeader header, ElfSectionTable sections) {
        // gABI: e_phnum == PN_XNUM means the real count is in sh_info of section header 0.
        long count = header.e_phnum == PN_XNUM ? sections.extendedProgramHeaderCount() : header.e_phnum;
        if (count == 0) {
            return List.of();
        }
        int minimum = ElfProgramHeader.size(reader.is64());
        if (header.e_phentsize < minimum) {
            throw reader.malformed("program header size e_phentsize " + header.e_phentsize
                    + " is smaller than " + minimum);
        }
        reader.requireTable(header.e_phoff, count, header.e_phentsize, "program header table");
        List<ElfProgramHeader> headers = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long offset = header.e_phoff + (long) i * header.e_phentsize;
            headers.add(ElfProgramHeader.read(reader.struct(offset, minimum, "program header " + i)));
        }
        return Collections.unmodifiableList(headers);
    }
}
