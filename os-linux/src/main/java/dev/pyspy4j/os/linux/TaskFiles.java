// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The open {@code stat} and {@code syscall} files of one thread. Both are seq_files that a positional read at
 * offset 0 regenerates (fs/seq_file.c restarts when the position differs from the last one), so reading a
 * thread's state again costs one {@code pread} instead of open + read + close.
 */
final class TaskFiles implements AutoCloseable {
    private final Path dir;
    private final FileChannel stat;
    private FileChannel syscall;

    TaskFiles(Path dir) throws IOException {
        this.dir = dir;
        this.stat = FileChannel.open(dir.resolve("stat"), StandardOpenOption.READ);
    }

    /** Reads the stat line into {@code buffer} from 0; returns its length (0 once the thread is gone). */
    int readStat(ByteBuffer buffer) throws IOException {
        return readAtStart(stat, buffer);
    }

    /** Reads the syscall file into {@code buffer} from 0, opening it on first use. */
    int readSyscall(ByteBuffer buffer) throws IOException {
        if (syscall == null) {
            syscall = FileChannel.open(dir.resolve("syscall"), StandardOpenOption.READ);
        }
        return readAtStart(syscall, buffer);
    }

    private static int readAtStart(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return Math.max(0, channel.read(buffer, 0));
    }

    @Override
    public void close() throws IOException {
        stat.close();
        if (syscall != null) {
            syscall.close();
        }
    }
}
