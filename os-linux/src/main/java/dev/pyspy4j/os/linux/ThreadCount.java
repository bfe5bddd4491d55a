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
            return length <= 0 ? OptionalInt.empty() : parse(buffer.array(), length);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** Field 20 of a stat line; the command name (field 2) may hold spaces and parentheses, so count after it. */
    static OptionalInt parse(String statLine) {
        byte[] bytes = statLine.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, bytes.length);
    }

    /**
     * {@link #parse(String)} over the first {@code length} bytes of {@code statLine}, without making a string of
     * them: the sampler reads this file at every pause.
     */
    static OptionalInt parse(byte[] statLine, int length) {
        int at = length - 1;
        while (at >= 0 && statLine[at] != ')') {
            at--;
        }
        if (at < 0) {
            return OptionalInt.empty();
        }
        at++;
        while (at < length && isBlank(statLine[at])) {
            at++;
        }
        for (int field = 3; field < FIELD; field++) {
            while (at < length && statLine[at] != ' ') {
                at++;
            }
            at++;
        }
        long value = 0;
        int digits = 0;
        for (; at < length && !isBlank(statLine[at]); at++, digits++) {
            byte b = statLine[at];
            if (b < '0' || b > '9' || value > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
            value = value * 10 + (b - '0');
        }
        return digits == 0 || value > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) value);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n';
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
