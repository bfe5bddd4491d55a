// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * The number of threads of a process, field 20 ({@code num_threads}) of {@code /proc/<pid>/stat}. The file stays
 * open and is re-read with a positional read from offset 0, which regenerates it: one system call, where listing
 * {@code /proc/<pid>/task} takes several. Not thread-safe.
 */
final class ThreadCount implements AutoCloseable {
    private static final int FIELD = 20;

    private final ProcFs proc;
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);
    private FileChannel channel;

    ThreadCount(ProcFs proc) {
        this.proc = proc;
    }

    /** The current count, or empty when the file cannot be read (process gone). */
    OptionalInt read() {
        try {
            if (channel == null) {
                channel = FileChannel.open(proc.dir().resolve("stat"), StandardOpenOption.READ);
            }
            buffer.clear();
            int length = channel.read(buffer, 0);
            return length <= 0 ? OptionalInt.empty() : parse(new String(buffer.array(), 0, length,
                    StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** Field 20 of a stat line; the command name (field 2) may hold spaces and parentheses, so count after it. */
    static OptionalInt parse(String statLine) {
        int afterName = statLine.lastIndexOf(')');
        if (afterName < 0) {
            return OptionalInt.empty();
        }
        String[] fields = statLine.substring(afterName + 1).trim().split(" ");
        int index = FIELD - 3;
        if (fields.length <= index) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields[index]));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a /proc file cannot lose data; nothing to report.
            }
            channel = null;
        }
    }
}
