// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code /proc/<pid>/maps} (proc(5)): {@code start-end perms offset dev inode [path]} per line.
 * The path is everything after the inode's trailing blanks, so paths with spaces survive; the kernel's
 * {@code " (deleted)"} suffix for unlinked files is removed and its {@code \012} escape of a newline undone
 * (fs/proc/task_mmu.c prints paths with {@code seq_file_path(m, file, "\n")}).
 */
public final class ProcMaps {
    static final String DELETED_SUFFIX = " (deleted)";

    private ProcMaps() {
    }

    /** Parses a whole maps file; {@code source} names it in error messages (e.g. {@code /proc/42/maps}). */
    public static List<MemoryRegion> parse(Reader text, String source) {
        List<MemoryRegion> regions = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(text)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) {
                    regions.add(parseLine(line, source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regions;
    }

    public static List<MemoryRegion> parse(String text, String source) {
        return parse(new StringReader(text), source);
    }

    /** Parses one line of a maps file. */
    public static MemoryRegion parseLine(String line, String source) {
        LineScanner scanner = new LineScanner(line, source);
        long start = scanner.hex('-');
        long end = scanner.hex(' ');
        String permissions = scanner.word();
        if (permissions.length() != 4) {
            throw new ProcParseException(source, "permissions are not 4 characters", line);
        }
        long offset = scanner.hex(' ');
        scanner.word();
        scanner.word();
        String path = unescape(stripDeleted(scanner.rest()));
        if (Long.compareUnsigned(end, start) <= 0) {
            throw new ProcParseException(source, "region end is not after its start", line);
        }
        return new MemoryRegion(start, end, permissions, offset, path);
    }

    /** Removes the {@code " (deleted)"} the kernel appends to paths of unlinked files. */
    public static String stripDeleted(String path) {
        return path.endsWith(DELETED_SUFFIX) ? path.substring(0, path.length() - DELETED_SUFFIX.length()) : path;
    }

    private static String unescape(String path) {
        return path.contains("\\012") ? path.replace("\\012", "\n") : path;
    }
}
