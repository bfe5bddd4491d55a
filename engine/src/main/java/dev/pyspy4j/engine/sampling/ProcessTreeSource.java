// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.model.StackTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A process and its descendants as one {@link SampleSource} ({@code --subprocesses}). Every tick reads the Python
 * processes side by side ({@link ParallelReads}); every {@value #RESCAN_MILLIS} ms, on the sampler's thread, the
 * tree is scanned for new processes (0.8 ms for a scan of the process table), which are opened on a thread of their
 * own (finding an interpreter takes 10 to 350 ms, which would otherwise stall the sampling of the others). Each
 * stack is labelled with its process and that process's ancestors. The source is exhausted once the root has
 * exited and no process of the tree is left to sample.
 */
public final class ProcessTreeSource implements SampleSource {
    static final long RESCAN_MILLIS = 100;
    private static final long RESCAN_NANOS = RESCAN_MILLIS * 1_000_000L;
    /** How often the start-up wait looks whether an attempt to open a process has finished. */
    private static final long START_POLL_NANOS = 10_000_000L;
    /** Once one process is sampled, how long the start-up wait gives the others found with it to be opened. */
    private static final long FIRST_OPENS_NANOS = 1_000_000_000L;

    private final Clock clock;
    private final TreeThreads threads;
    private final TreeMembers members;
    private final ParallelReads reads;
    private long nextRescanAt;

    /**
     * @param threads where processes are opened and read besides the sampler's thread; shut down by {@link #close}
     */
    ProcessTreeSource(long rootPid, ProcessTree tree, ProcessSourceOpener opener, Clock clock, TreeThreads threads,
                      Consumer<String> warnings) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.threads = threads;
        long now = clock.nanoTime();
        this.members = new TreeMembers(rootPid, Objects.requireNonNull(tree, "tree is null"),
                Objects.requireNonNull(opener, "opener is null"), threads.opening(), warnings, now);
        this.reads = new ParallelReads(threads.reading());
        this.nextRescanAt = now;
    }

    /**
     * Follows the tree of process {@code rootPid}, on threads of its own besides the caller's.
     *
     * @param warnings receives what the user should know as processes are opened, on the sampler's thread
     * @throws dev.pyspy4j.spi.SpyException PROCESS_NOT_FOUND, PROCESS_EXITED or PERMISSION_DENIED when the root
     *         cannot be attached
     */
    public static ProcessTreeSource open(long rootPid, ProcessTree tree, ProcessSourceOpener opener, Clock clock,
                                         Consumer<String> warnings) {
        TreeThreads threads = TreeThreads.started();
        try {
            return new ProcessTreeSource(rootPid, tree, opener, clock, threads, warnings);
        } catch (RuntimeException | Error e) {
            threads.shutdown();
            throw e;
        }
    }

    /**
     * Waits until some process of the tree is sampled, for up to {@code patienceNanos} (and any attempt still
     * running then), so that a run without any Python fails at once, as a single process does; then, for up to a
     * second, until the processes found with it are opened too, so that sampling starts with the whole tree.
     *
     * @throws dev.pyspy4j.spi.SpyException NOT_PYTHON when no process of the tree is Python, the failure of one
     *         that looked like Python but could not be opened, or PROCESS_EXITED when the tree is gone
     */
    public void awaitPython(long patienceNanos, StopSignal stop) {
        long start = clock.nanoTime();
        while (true) {
            long now = clock.nanoTime();
            refresh(now);
            members.retireGone();
            if (!members.sampled().isEmpty() && (!members.attemptRunning() || now - start >= FIRST_OPENS_NANOS)) {
                return;
            }
            boolean patient = now - start < patienceNanos;
            if (stop.requested() || members.exhausted() || !patient && !members.attemptRunning()) {
                if (!members.sampled().isEmpty()) {
                    return;
                }
                throw members.nothingSampled();
            }
            clock.sleepUntil(now + START_POLL_NANOS, stop);
        }
    }

    @Override
    public SourceReading read() {
        long now = clock.nanoTime();
        refresh(now);
        List<StackTrace> traces = new ArrayList<>();
        List<SampleFailure> failures = new ArrayList<>();
        int processesRead = 0;
        List<TreeMember> sampled = members.sampled();
        List<SourceReading> readings = reads.readAll(sampled.stream().map(TreeMember::source).toList());
        for (int i = 0; i < sampled.size(); i++) {
            TreeMember member = sampled.get(i);
            SourceReading reading = readings.get(i);
            boolean failed = !reading.failures().isEmpty();
            // A member's own source ends at an exec; the tree opens the new program instead.
            boolean execed = member.source().exhausted()
                    && member.source().exhaustion() == StopReason.TARGET_EXECED;
            if ((failed || execed) && members.execedInstead(member, now)) {
                continue;
            }
            if (member.source().exhausted()) {
                member.exited();
            } else {
                member.tally().add(failed, now);
                failures.addAll(reading.failures());
                processesRead += reading.processesRead();
                reading.traces().forEach(trace -> traces.add(trace.withProcessInfo(member.info())));
            }
        }
        members.retireGone();
        return new SourceReading(traces, failures, processesRead);
    }

    private void refresh(long now) {
        if (now >= nextRescanAt) {
            nextRescanAt = now + RESCAN_NANOS;
            members.rescan(now);
        }
        members.advanceOpening(now);
    }

    @Override
    public boolean exhausted() {
        return members.exhausted();
    }

    /**
     * The process that names the tree (in {@code top}'s header): the root when it is sampled, else the sampled
     * process with the lowest pid. Call it once {@link #awaitPython} has returned, before sampling starts.
     */
    public ProcessSource namingProcess() {
        List<TreeMember> sampled = members.sampled();
        return sampled.stream().filter(member -> member.pid() == members.rootPid()).findFirst()
                .or(() -> sampled.stream().min((a, b) -> Long.compare(a.pid(), b.pid())))
                .map(TreeMember::source)
                .orElseThrow(() -> new IllegalStateException("no process of the tree is sampled yet"));
    }

    /** How each process that was read went, in pid order; the ones that exited included. */
    public List<ProcessTally> tallies() {
        return members.tallies();
    }

    /**
     * A path through which this JVM reads a file as process {@code pid} sees it (it may run in a container); the
     * path unchanged for a process no longer in the tree.
     */
    public Path fileAsSeenBy(long pid, String pathInTarget) {
        return members.member(pid).map(member -> member.watch().fileAsSeenByTarget(pathInTarget))
                .orElseGet(() -> Path.of(pathInTarget));
    }

    @Override
    public void close() {
        try {
            members.close();
        } finally {
            // A running attempt finishes and its result is closed (TreeMember.retire); nothing new starts.
            threads.shutdown();
        }
    }
}
