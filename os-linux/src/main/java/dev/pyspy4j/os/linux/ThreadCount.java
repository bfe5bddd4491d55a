// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.jna.DirectoryLinks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The number of threads of a process. Asked at every pause, so asked cheaply: the link count of
 * {@code /proc/<pid>/task}, which is two plus the number of threads (see {@link DirectoryLinks}), once a first look
 * agreed with field 20 ({@code num_threads}) of {@code /proc/<pid>/stat}; that file otherwise, kept open and re-read
 * with a positional read from offset 0, which regenerates it. Either is one system call, where listing
 * {@code /proc/<pid>/task} takes several. Not thread-safe.
 */
final class ThreadCount implements AutoCloseable {
    private static final int FIELD = 20;
    /** The links of the task directory that are not threads: its own entry and its {@code .}. */
    private static final long OWN_LINKS = 2;
    /** Comparisons of the two counts before giving up on the link count (a thread may start between the reads). */
    private static final int AGREEMENT_ATTEMPTS = 3;

    private final ProcFs proc;
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);
    private FileChannel channel;
    private DirectoryLinks taskLinks;
    private boolean linksAgreed;
    private int disagreements;

    ThreadCount(ProcFs proc) {
        this.proc = proc;
    }

    /** The current count, or empty when it cannot be read (process gone). */
    OptionalInt read() {
        if (linksAgreed) {
            OptionalInt count = fromLinks();
            if (count.isPresent()) {
                return count;
            }
        }
        OptionalInt count = fromStat();
        if (!linksAgreed && count.isPresent() && disagreements < AGREEMENT_ATTEMPTS) {
            compareWithLinks(count.getAsInt());
        }
        return count;
    }

    /** Starts to trust the link count once it says what the stat file just said. */
    private void compareWithLinks(int statCount) {
        if (taskLinks == null) {
            taskLinks = DirectoryLinks.open(proc.dir().resolve("task").toString()).orElse(null);
            if (taskLinks == null) {
                disagreements = AGREEMENT_ATTEMPTS;
                return;
            }
        }
        OptionalInt links = fromLinks();
        linksAgreed = links.isPresent() && links.getAsInt() == statCount;
        disagreements += linksAgreed ? 0 : 1;
    }

    /** Empty when statx failed or the process is gone (its task directory then counts no thread). */
    private OptionalInt fromLinks() {
        OptionalLong links = taskLinks.count();
        if (links.isEmpty() || links.getAsLong() <= OWN_LINKS || links.getAsLong() - OWN_LINKS > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (links.getAsLong() - OWN_LINKS));
    }

    private OptionalInt fromStat() {
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
        if (taskLinks != null) {
            taskLinks.close();
            taskLinks = null;
            linksAgreed = false;
        }
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
