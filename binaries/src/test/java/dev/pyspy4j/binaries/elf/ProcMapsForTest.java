// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Just enough {@code /proc/<pid>/maps} and {@code /proc/<pid>/mem} (proc(5)) for the ELF tests; the module has the real parser. */
final class ProcMapsForTest {
    private ProcMapsForTest() {
    }

    /** The mappings of {@code file} (compared by real path) in {@code /proc/<pid>/maps}. */
    static List<MemoryRegion> mappingsOf(String pid, Path file) {
        try {
            String wanted = file.toRealPath().toString();
            return Files.readAllLines(Path.of("/proc", pid, "maps")).stream()
                    .map(ProcMapsForTest::parse)
                    .filter(region -> region.path().equals(wanted))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code start-end perms offset dev inode path}, e.g. {@code 7f..000-7f..000 r-xp 00028000 08:01 1234 /usr/lib/libc.so.6}. */
    static MemoryRegion parse(String line) {
        String[] fields = line.trim().split("\\s+", 6);
        String[] range = fields[0].split("-");
        return new MemoryRegion(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), fields[1],
                Long.parseUnsignedLong(fields[2], 16), fields.length > 5 ? fields[5] : "");
    }

    /** Eight little-endian bytes at {@code address} of process {@code pid}, through {@code /proc/<pid>/mem}. */
    static long readLong(long pid, long address) {
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            int read = mem.getChannel().read(buffer, address);
            if (read != 8) {
                throw new IOException("short read of " + read + " bytes at 0x" + Long.toHexString(address));
            }
            return buffer.getLong(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
