// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ids of a process and its threads inside the PID namespace the process runs in, when that is not the one this
 * JVM's {@code /proc} shows (a container seen from the host). The process knows its threads by the inner ids
 * ({@code gettid()} there, which CPython records and glibc keeps in each {@code struct pthread}); this machine's
 * {@code /proc}, ptrace and scheduler statistics know them by the outer ones. The {@code NSpid} line of each task's
 * {@code status} file lists a thread's id in every namespace from this {@code /proc}'s down to its own.
 *
 * <p>The map from inner to outer ids is read once and again only when an id it does not hold is asked for (a new
 * thread), at most once per {@link #REFRESH_NANOS}, so that a sample of a steady process reads no file.
 */
final class PidNamespace {
    private static final long REFRESH_NANOS = 10_000_000L;

    private final ProcFs proc;
    private final long innerPid;
    private final Map<Long, Long> outerByInner = new HashMap<>();
    private long refreshedAt;
    private boolean everRefreshed;

    private PidNamespace(ProcFs proc, long innerPid) {
        this.proc = proc;
        this.innerPid = innerPid;
    }

    /** The namespace of the process {@code proc} shows, if it is not this {@code /proc}'s own. */
    static Optional<PidNamespace> of(ProcFs proc) {
        return proc.readOptionalText("status").flatMap(PidNamespace::innermostId)
                .map(inner -> new PidNamespace(proc, inner));
    }

    /** The process's id inside its namespace. */
    long innerPid() {
        return innerPid;
    }

    /** The outer id of the thread the process knows as {@code innerTid}; 0 when no thread of it has that id now. */
    synchronized long outerThreadId(long innerTid) {
        Long outer = outerByInner.get(innerTid);
        if (outer == null && refreshAllowed()) {
            refresh();
            outer = outerByInner.get(innerTid);
        }
        return outer == null ? 0 : outer;
    }

    /** The inner ids of the process's threads now. */
    synchronized List<Long> innerThreadIds() {
        refresh();
        return new ArrayList<>(outerByInner.keySet());
    }

    private boolean refreshAllowed() {
        return !everRefreshed || System.nanoTime() - refreshedAt >= REFRESH_NANOS;
    }

    private void refresh() {
        outerByInner.clear();
        for (long outer : proc.taskIds()) {
            ProcFs.readOptional(proc.taskFile(outer, "status")).flatMap(PidNamespace::innermostId)
                    .ifPresent(inner -> outerByInner.put(inner, outer));
        }
        refreshedAt = System.nanoTime();
        everRefreshed = true;
    }

    /**
     * The last id of the {@code NSpid} line of a {@code status} file, when the line lists more than one (the task is
     * in a nested namespace); empty for a task of this {@code /proc}'s namespace, or a kernel without the line.
     */
    static Optional<Long> innermostId(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("NSpid:")) {
                String[] ids = line.substring("NSpid:".length()).trim().split("\\s+");
                if (ids.length < 2) {
                    return Optional.empty();
                }
                OptionalLong inner = parse(ids[ids.length - 1]);
                return inner.isPresent() ? Optional.of(inner.getAsLong()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static OptionalLong parse(String id) {
        try {
            long value = Long.parseLong(id);
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
