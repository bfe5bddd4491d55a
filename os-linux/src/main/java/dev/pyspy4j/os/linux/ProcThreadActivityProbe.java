// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private long lastSnapshotNanos = -1;
    private long sinceLastNanos = -1;

    ProcThreadActivityProbe(long pid, ActivityClassifier classifier) {
        this.proc = new ProcFs(pid);
        this.classifier = classifier;
    }

    @Override
    public Map<Long, ThreadActivity> snapshot() {
        long now = System.nanoTime();
        sinceLastNanos = lastSnapshotNanos < 0 ? -1 : now - lastSnapshotNanos;
        lastSnapshotNanos = now;
        List<Long> tids = proc.taskIds();
        forgetThreadsNotIn(new HashSet<>(tids));
        Map<Long, ThreadActivity> activity = new LinkedHashMap<>();
        for (long tid : tids) {
            look(tid).ifPresent(state -> activity.put(tid, state));
        }
        return activity;
    }

    @Override
    public void close() {
        forgetThreadsNotIn(Set.of());
    }

    /** The thread's activity; empty when it ended after the listing and so is not current any more. */
    private Optional<ThreadActivity> look(long tid) {
        try {
            TaskFiles files = open.get(tid);
            if (files == null) {
                files = new TaskFiles(proc.taskDir(tid));
                open.put(tid, files);
            }
            return classifier.classify(files, buffer, sinceLastNanos);
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
