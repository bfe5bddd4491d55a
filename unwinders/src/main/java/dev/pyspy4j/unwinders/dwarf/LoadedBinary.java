// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.unwinders.cfi.CallFrameTable;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A binary as mapped in the target: its call-frame table and the difference between run-time addresses and the
 * addresses the binary records.
 *
 * @param path  the binary as the target maps it, for messages
 * @param elf   the parsed file
 * @param table its call-frame information
 * @param bias  its load bias
 */
record LoadedBinary(String path, ElfFile elf, CallFrameTable table, long bias) {
    /**
     * The {@code length} code bytes at run-time address {@code address}, from the file's sections; empty when no
     * section holding file data covers them.
     */
    Optional<byte[]> codeAt(long address, int length) {
        long recorded = address - bias;
        for (ElfSectionHeader section : elf.sectionHeaders()) {
            long offset = recorded - section.sh_addr;
            if (section.isAllocated() && section.hasFileData() && offset >= 0 && offset <= section.sh_size - length) {
                ByteBuffer data = elf.sectionData(section);
                byte[] code = new byte[length];
                data.get((int) offset, code);
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
