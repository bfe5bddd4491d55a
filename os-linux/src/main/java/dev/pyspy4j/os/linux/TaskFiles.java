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
    /** {@code schedstat}'s count of the thread's arrivals on a CPU at the last read, -1 when unknown. */
    private long arrivalsRead = -1;
    /** The arrival count read with {@link #lastRunNanos}. */
    private long lastArrivals = -1;
    /**
     * Whether {@link #lastRunNanos} and {@link #lastArrivals} were read while the thread was off every CPU, so that
     * reading the same two again proves it has not run since (see {@link #notRunSinceRemembered}).
     */
    private boolean rememberedOffCpu;
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
     * does not keep it (CONFIG_SCHED_INFO off). The third field, how many times the thread arrived on a CPU, is
     * kept for {@link #notRunSinceRemembered}.
     */
    long readRunNanos(ByteBuffer buffer) throws IOException {
        if (schedstat == null) {
            schedstat = FileChannel.open(dir.resolve("schedstat"), StandardOpenOption.READ);
        }
        int length = readAtStart(schedstat, buffer);
        int afterRun = skipNumber(buffer, 0, length);
        int afterDelay = skipNumber(buffer, afterRun + 1, length);
        int afterArrivals = skipNumber(buffer, afterDelay + 1, length);
        arrivalsRead = afterArrivals > afterDelay + 1 ? parse(buffer, afterDelay + 1, afterArrivals) : -1;
        return afterRun == 0 ? -1 : parse(buffer, 0, afterRun);
    }

    /** Where the decimal digits starting at {@code from} end (at most 18 of them, so that they fit a long). */
    private static int skipNumber(ByteBuffer buffer, int from, int length) {
        int end = from;
        while (end < length && end - from < 18 && buffer.get(end) >= '0' && buffer.get(end) <= '9') {
            end++;
        }
        return end;
    }

    private static long parse(ByteBuffer buffer, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (buffer.get(i) - '0');
        }
        return value;
    }

    /** Whether the kernel counts the thread's arrivals on a CPU (read with the run time). */
    boolean countsArrivals() {
        return arrivalsRead >= 0;
    }

    /**
     * Whether the last {@link #readRunNanos} proves that the thread has not been on a CPU since the remembered
     * look: its run time and its count of arrivals on a CPU are both unchanged, and they were remembered while it
     * was off every CPU. (A thread on a CPU keeps the run time of its last tick, so the run time alone cannot tell
     * one that has just started to run; any start on a CPU counts an arrival.)
     */
    boolean notRunSinceRemembered(long runNanos) {
        return rememberedOffCpu && runNanos >= 0 && runNanos == lastRunNanos && arrivalsRead >= 0
                && arrivalsRead == lastArrivals;
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

    /**
     * Remembers this snapshot's verdict and run time for the next one, with the arrival count read with the run
     * time.
     *
     * @param offCpu whether the run time was read while the thread was off every CPU
     */
    ThreadActivity remember(ThreadActivity verdict, long runNanos, boolean offCpu) {
        lastVerdict = verdict;
        lastRunNanos = runNanos;
        lastArrivals = runNanos >= 0 ? arrivalsRead : -1;
        rememberedOffCpu = offCpu && runNanos >= 0;
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
