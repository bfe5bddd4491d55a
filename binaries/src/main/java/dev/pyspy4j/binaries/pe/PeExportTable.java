// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.binaries.BoundedBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the export directory ({@code IMAGE_EXPORT_DIRECTORY}): the name pointer table, the parallel ordinal table and
 * the export address table they index. Every table is checked against the file before it is walked.
 */
final class PeExportTable {
    private static final int DIRECTORY_SIZE = 40;

    private PeExportTable() {
    }

    static List<PeExport> read(BoundedBytes bytes, PeHeaders headers, PeAddressMap addresses) {
        long directoryRva = headers.exportDirectoryRva();
        if (directoryRva == 0) {
            return List.of();
        }
        long directory = addresses.fileOffset(directoryRva, DIRECTORY_SIZE, "export directory");
        String what = "export directory";
        long base = bytes.u32(directory + 16, what);
        long functionCount = bytes.u32(directory + 20, what);
        long nameCount = bytes.u32(directory + 24, what);
        if (nameCount == 0) {
            // exported by ordinal only: the name tables' RVAs may be 0 and are not looked at
            return List.of();
        }
        long functions = addresses.fileOffset(bytes.u32(directory + 28, what), 0, "export address table");
        long names = addresses.fileOffset(bytes.u32(directory + 32, what), 0, "export name pointer table");
        long ordinals = addresses.fileOffset(bytes.u32(directory + 36, what), 0, "export ordinal table");
        bytes.requireTable(functions, functionCount, 4, "export address table");
        bytes.requireTable(names, nameCount, 4, "export name pointer table");
        bytes.requireTable(ordinals, nameCount, 2, "export ordinal table");
        List<PeExport> exports = new ArrayList<>((int) nameCount);
        for (long i = 0; i < nameCount; i++) {
            String entry = "export " + i;
            long nameRva = bytes.u32(names + 4 * i, entry);
            String name = addresses.cString(nameRva, entry + " name");
            int index = bytes.u16(ordinals + 2 * i, entry);
            if (index >= functionCount) {
                throw bytes.malformed(String.format("%s '%s': ordinal index %d is past the %d entries of the export"
                        + " address table", entry, name, index, functionCount));
            }
            long rva = bytes.u32(functions + 4L * index, entry);
            boolean forwarded = rva >= directoryRva && rva - directoryRva < headers.exportDirectorySize();
            String forwarder = forwarded ? addresses.cString(rva, entry + " forwarder") : "";
            exports.add(new PeExport(name, base + index, rva, forwarder));
        }
        return List.copyOf(exports);
    }
}
