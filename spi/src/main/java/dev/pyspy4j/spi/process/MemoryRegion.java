// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.util.Objects;

/**
 * A mapped range of a process's address space ({@code /proc/<pid>/maps} on Linux).
 *
 * @param start      first address
 * @param end        first address after the range
 * @param permissions {@code rwxp}-style flags, e.g. {@code r-xp}
 * @param fileOffset offset of {@code start} in the mapped file
 * @param path       mapped file or pseudo-path such as {@code [heap]}; empty for anonymous memory
 */
public record MemoryRegion(long start, long end, String permissions, long fileOffset, String path) {
    public MemoryRegion {
        Objects.requireNonNull(permissions, "permissions is null");
        Objects.requireNonNull(path, "path is null");
        if (Long.compareUnsigned(end, start) <= 0) {
            throw new IllegalArgumentException("region end must be after start: "
                    + Long.toHexString(start) + "-" + Long.toHexString(end));
        }
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    public boolean isReadable() {
        return permissions.length() > 0 && permissions.charAt(0) == 'r';
    }

    public boolean isWritable() {
        return permissions.length() > 1 && permissions.charAt(1) == 'w';
    }

    public boolean isExecutable() {
        return permissions.length() > 2 && permissions.charAt(2) == 'x';
    }

    /**
     * Whether a file (not a pseudo-path like {@code [stack]} or anonymous memory) is mapped here: an absolute path,
     * as Unix-like systems write it ({@code /usr/lib/libpython3.12.so}) or as Windows does, from a drive
     * ({@code C:\Python312\python312.dll}) or a network share ({@code \\server\share\python312.dll}).
     */
    public boolean isFileBacked() {
        return path.startsWith("/") || path.startsWith("\\\\") || isWindowsDrivePath(path);
    }

    private static boolean isWindowsDrivePath(String path) {
        return path.length() > 2 && isAsciiLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
