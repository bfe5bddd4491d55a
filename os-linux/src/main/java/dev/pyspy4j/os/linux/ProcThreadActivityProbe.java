// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Classifies every thread of one process from its scheduler state and current system call, keeping each
 * thread's {@code /proc} files open between snapshots. Not thread-safe: one sampler thread uses it.
 */
final class ProcThreadActivityProbe implements ThreadActivityProbe {
    private final ProcFs proc;
    private final ActivityClassifier classifier;
    private final Map<Long, TaskFiles> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
    private final ThreadCount threadCount;
    private long lastSnapshotNanos = -1;
    private long sinceLastNanos = -1;
    /** The threads the latest snapshot found not to have run since the one before. */
    private Set<Long> notRun = Set.of();
    /** The thread being looked at, for {@link #foundNotRun}. */
    private long lookingAt;
    /** Whether this snapshot's looks are the first at their threads since the previous snapshot. */
    private boolean firstLooks;
    private final ActivityClassifier.NotRun foundNotRun = () -> {
        if (firstLooks) {
            notRun.add(lookingAt);
        }
    };

    ProcThreadActivityProbe(long pid, ActivityClassifier classifier) {
        this.proc = new ProcFs(pid);
        this.classifier = classifier;
        this.threadCount = new ThreadCount(proc);
    }

    @Override
    public Map<Long, ThreadActivity> snapshot() {
        long now = System.nanoTime();
        sinceLastNanos = lastSnapshotNanos < 0 ? -1 : now - lastSnapshotNanos;
        lastSnapshotNanos = now;
        notRun = new HashSet<>();
        firstLooks = true;
        // Listing /proc/<pid>/task costs several system calls; while the number of threads is unchanged the
        // previous list is reused, and a thread of it that is gone (one exited, another started) forces a listing.
        if (!open.isEmpty() && sameThreadCount()) {
            Map<Long, ThreadActivity> activity = lookAll(new ArrayList<>(open.keySet()), true);
            if (activity != null) {
                return activity;
            }
            // The failed guess's looks are remembered already: looking again cannot tell what a thread did since the
            // previous snapshot, only since a moment ago.
            notRun.clear();
            firstLooks = false;
        }
        return lookAll(proc.taskIds(), false);
    }

    @Override
    public Set<Long> notRunSincePreviousSnapshot() {
        return Collections.unmodifiableSet(notRun);
    }

    /**
     * Every thread's activity. A thread that ended meanwhile is left out, or, when {@code strict} (the list was a
     * guess), makes the whole look fail with {@code null}.
     */
    private Map<Long, ThreadActivity> lookAll(List<Long> tids, boolean strict) {
        if (!strict) {
            // A guess is the list of the threads looked at last time, which has nothing to forget.
            forgetThreadsNotIn(new HashSet<>(tids));
        }
        Map<Long, ThreadActivity> activity = new LinkedHashMap<>();
        for (long tid : tids) {
            Optional<ThreadActivity> state = look(tid);
            if (state.isPresent()) {
                activity.put(tid, state.get());
            } else if (strict) {
                return null;
            }
        }
        return activity;
    }

    private boolean sameThreadCount() {
        OptionalInt count = threadCount.read();
        return count.isPresent() && count.getAsInt() == open.size();
    }

    @Override
    public void close() {
        forgetThreadsNotIn(Set.of());
        threadCount.close();
    }

    /** The thread's activity; empty when it ended after the listing and so is not current any more. */
    private Optional<ThreadActivity> look(long tid) {
        try {
            TaskFiles files = open.get(tid);
            if (files == null) {
                files = new TaskFiles(proc.taskDir(tid));
                open.put(tid, files);
            }
            lookingAt = tid;
            return classifier.classify(files, buffer, sinceLastNanos, foundNotRun);
        } catch (NoSuchFileException ended) {
            return Optional.empty();
        } catch (IOException e) {
            // Reading a reaped thread's open stat file fails with ESRCH; anything else (EACCES) is not knowable.
            return ProcFs.isNoSuchProcess(e) ? Optional.empty() : Optional.of(ThreadActivity.UNKNOWN);
        }
    }

    private void forgetThreadsNotIn(Set<Long> current) {
        var iterator = open.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            if (!current.contains(entry.getKey())) {
                iterator.remove();
                closeQuietly(entry.getValue());
            }
        }
    }

    private static void closeQuietly(TaskFiles files) {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
