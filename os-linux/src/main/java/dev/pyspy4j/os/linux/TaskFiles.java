// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.process.ThreadActivity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The open {@code stat} and {@code schedstat} files of one thread, and what the last look at
 * it found. Both are seq_files that a positional read at
 * offset 0 regenerates (fs/seq_file.c restarts when the position differs from the last one), so reading a
 * thread's state again costs one {@code pread} instead of open + read + close.
 */
final class TaskFiles implements AutoCloseable {
    private final Path dir;
    private final FileChannel stat;
    private FileChannel schedstat;
    /** What this thread looked like at the previous snapshot, to tell a thread that ran from one that only woke. */
    private ThreadActivity lastVerdict = ThreadActivity.UNKNOWN;
    private long lastRunNanos = -1;
    /** How long the thread has been seen runnable without running enough since it was last seen asleep. */
    private long awakeNanos;

    TaskFiles(Path dir) throws IOException {
        this.dir = dir;
        this.stat = FileChannel.open(dir.resolve("stat"), StandardOpenOption.READ);
    }

    /** Reads the stat line into {@code buffer} from 0; returns its length (0 once the thread is gone). */
    int readStat(ByteBuffer buffer) throws IOException {
        return readAtStart(stat, buffer);
    }

    /**
     * The thread's total time on a CPU in nanoseconds, the first field of {@code schedstat}; -1 when the kernel
     * does not keep it (CONFIG_SCHED_INFO off).
     */
    long readRunNanos(ByteBuffer buffer) throws IOException {
        if (schedstat == null) {
            schedstat = FileChannel.open(dir.resolve("schedstat"), StandardOpenOption.READ);
        }
        int length = readAtStart(schedstat, buffer);
        long value = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            byte b = buffer.get(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    ThreadActivity lastVerdict() {
        return lastVerdict;
    }

    long lastRunNanos() {
        return lastRunNanos;
    }

    long awakeNanos() {
        return awakeNanos;
    }

    /** Remembers this snapshot's verdict and run time for the next one. */
    ThreadActivity remember(ThreadActivity verdict, long runNanos) {
        lastVerdict = verdict;
        lastRunNanos = runNanos;
        awakeNanos = 0;
        return verdict;
    }

    /**
     * Keeps the verdict of the last look at the thread asleep (idle) and its run time then, adding {@code nanos} to
     * how long it has been seen runnable since.
     */
    ThreadActivity stillIdleAfter(long nanos) {
        awakeNanos += Math.max(0, nanos);
        return ThreadActivity.IDLE;
    }

    private static int readAtStart(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return Math.max(0, channel.read(buffer, 0));
    }

    @Override
    public void close() throws IOException {
        stat.close();
        if (schedstat != null) {
            schedstat.close();
        }
    }
}
