// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Walks one interpreter's thread-state list and has a {@link FrameCollector} copy each thread's frames. A stack
 * copied from a running target is checked against a second look at the target, copied again once if the thread
 * changed it meanwhile, and given up as torn if it changed again, so that a stack the thread changed while it was
 * copied is not shown (see {@link ChainRecheck} for what a second look can miss).
 */
public final class ThreadStateCollector {
    /** More threads than this means a cycle in a torn list. */
    public static final int MAX_THREADS = 8192;
    private static final CollectedFrames NOT_WANTED = new CollectedFrames(List.of(), OuterFramesCut.NONE);

    private final ThreadLayout layout;
    private final FrameCollector frames;
    private final GilLocator gil;
    /** The thread state being read: a sample reads one at a time, so one buffer serves every thread and sample. */
    private ByteBuffer state;
    /** The fresh copies of a thread copied again, apart from the sample's own (which the first copy came from). */
    private SnapshotMemory again;

    public ThreadStateCollector(ThreadLayout layout, FrameCollector frames, GilLocator gil) {
        this.layout = layout;
        this.frames = frames;
        this.gil = gil;
    }

    public ThreadLayout layout() {
        return layout;
    }

    /**
     * Copies the stacks of every thread of the interpreter at {@code interpreter}; any thread whose stack cannot be
     * read fails the whole sample.
     *
     * @param gilOnly skip the frames of threads that do not hold the GIL
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly) {
        return collect(reader, interpreter, gilOnly, false);
    }

    /**
     * Copies the stacks of every thread of the interpreter at {@code interpreter}.
     *
     * @param gilOnly               skip the frames of threads that do not hold the GIL
     * @param isolateThreadFailures the target is paused: a thread whose stack cannot be read (a
     *                              {@link FailureKind#MEMORY_READ} failure) is kept, marked
     *                              {@link RawThread#unreadable()}, instead of failing the sample, as the failure
     *                              belongs to that thread and not to a moving target. Otherwise the target runs:
     *                              each stack is checked against a second look (see {@link #recheck})
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly, boolean isolateThreadFailures) {
        return collect(reader, interpreter, gilOnly, isolateThreadFailures, ThreadFilter.ALL);
    }

    /**
     * As {@link #collect(RemoteReader, long, boolean, boolean)}, for the threads {@code selected} selects only: the
     * others are left out of the sample, their stacks unread.
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly, boolean isolateThreadFailures,
                             ThreadFilter selected) {
        return collect(reader, interpreter, gilOnly, isolateThreadFailures, selected, ReusableStacks.NONE);
    }

    /**
     * As {@link #collect(RemoteReader, long, boolean, boolean, ThreadFilter)}, using the stacks {@code reusable}
     * holds for their threads instead of reading them; their thread states are still read, for the list's links
     * and to tell that each still belongs to the thread the stack was copied from.
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly, boolean isolateThreadFailures,
                             ThreadFilter selected, ReusableStacks reusable) {
        long holder = gil.holder(reader, interpreter);
        List<RawThread> threads = new ArrayList<>();
        BitSet reused = new BitSet();
        // Only a running target's stacks are checked again: a paused round allocates nothing for it.
        List<Integer> copied = isolateThreadFailures ? List.of() : new ArrayList<>();
        List<FrameCollector.Recheck> checks = isolateThreadFailures ? List.of() : new ArrayList<>();
        long threadState = reader.pointer(interpreter + layout.threadsHead());
        while (threadState != 0) {
            if (threads.size() >= MAX_THREADS) {
                throw new TornSampleException("thread list longer than " + MAX_THREADS + " entries");
            }
            state = reader.structInto(threadState, layout.size(), state);
            if (state.getLong(layout.interp()) != interpreter) {
                throw new TornSampleException("thread state 0x" + Long.toHexString(threadState)
                        + " does not belong to the interpreter");
            }
            long threadId = state.getLong(layout.threadId());
            long nativeThreadId = layout.hasNativeThreadId() ? state.getLong(layout.nativeThreadId()) : 0;
            long next = state.getLong(layout.next());
            if (!selected.selects(threadId, nativeThreadId)) {
                threadState = next;
                continue;
            }
            boolean wanted = !gilOnly || threadState == holder;
            CollectedFrames stack = NOT_WANTED;
            String unreadable = null;
            RawThread before = wanted ? reusable.stackOf(threadState, threadId, nativeThreadId) : null;
            if (before != null) {
                reused.set(threads.size());
                threads.add(before);
                threadState = next;
                continue;
            }
            if (wanted) {
                try {
                    stack = frames.collect(reader, state);
                    if (!isolateThreadFailures) {
                        copied.add(threads.size());
                        checks.add(frames.recheck(reader.byteOrder(), threadState, state, stack));
                    }
                } catch (SpyException e) {
                    if (!isolateThreadFailures || e.kind() != FailureKind.MEMORY_READ) {
                        throw e;
                    }
                    unreadable = e.getMessage();
                }
            }
            threads.add(new RawThread(threadState, threadId, nativeThreadId, stack.frames(), stack.cut(), unreadable));
            threadState = next;
        }
        recheck(reader, interpreter, threads, copied, checks);
        return new RawSample(threads, holder, reused);
    }

    /**
     * Checks the stacks copied from a running target against a second look, all in one batched read, and copies
     * again, from fresh reads, each stack that no longer matches; replaces it in {@code threads}.
     *
     * @throws TornSampleException when a stack copied again does not match its second look either
     */
    private void recheck(RemoteReader reader, long interpreter, List<RawThread> threads, List<Integer> copied,
                         List<FrameCollector.Recheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        ProcessMemory live = reader.memory() instanceof SnapshotMemory snapshot ? snapshot.live() : reader.memory();
        boolean[] same = verdicts(live, checks);
        for (int i = 0; i < checks.size(); i++) {
            if (!same[i]) {
                int index = copied.get(i);
                RawThread first = threads.get(index);
                CollectedFrames again = collectAgain(reader, live, interpreter, first.threadState());
                threads.set(index, new RawThread(first.threadState(), first.threadId(), first.nativeThreadId(),
                        again.frames(), again.cut(), null));
            }
        }
    }

    /** Makes every check's reads in one batch (one by one if the batch fails) and says which still match. */
    private static boolean[] verdicts(ProcessMemory live, List<FrameCollector.Recheck> checks) {
        boolean[] same = new boolean[checks.size()];
        List<ReadRequest> all = new ArrayList<>();
        for (FrameCollector.Recheck check : checks) {
            all.addAll(check.reads());
        }
        try {
            live.readAll(all);
            for (int i = 0; i < same.length; i++) {
                same[i] = checks.get(i).same();
            }
        } catch (SpyException batchFailed) {
            for (int i = 0; i < same.length; i++) {
                same[i] = madeAndSame(live, checks.get(i));
            }
        }
        return same;
    }

    private static boolean madeAndSame(ProcessMemory live, FrameCollector.Recheck check) {
        try {
            live.readAll(check.reads());
        } catch (SpyException e) {
            return false; // Memory that cannot be read again was freed or remapped: the copy is not current.
        }
        return check.same();
    }

    /**
     * Copies the stack of the thread at {@code threadState} again from fresh reads (not the sample's copies, from
     * which the first copy came) and checks it against a second look.
     *
     * @throws TornSampleException when this copy does not match either
     */
    private CollectedFrames collectAgain(RemoteReader reader, ProcessMemory live, long interpreter,
                                         long threadState) {
        if (again == null) {
            again = new SnapshotMemory(live);
        }
        // What the sample read so far, copied again in one batched read: the sooner the second copy is over, the
        // less a thread that changes its stack often is given up (a bias against its shortest calls).
        SnapshotMemory.ReadPlan plan = reader.memory() instanceof SnapshotMemory snapshot ? snapshot.plan()
                : SnapshotMemory.ReadPlan.EMPTY;
        if (!again.prefetch(plan)) {
            again.prefetch(SnapshotMemory.ReadPlan.EMPTY);
        }
        RemoteReader fresh = reader.over(again);
        ByteBuffer bytes = fresh.struct(threadState, layout.size());
        if (bytes.getLong(layout.interp()) != interpreter) {
            throw new TornSampleException("thread state 0x" + Long.toHexString(threadState)
                    + " was freed while it was read");
        }
        CollectedFrames copy = frames.collect(fresh, bytes);
        if (!madeAndSame(live, frames.recheck(reader.byteOrder(), threadState, bytes, copy))) {
            throw new TornSampleException("the stack of thread state 0x" + Long.toHexString(threadState)
                    + " changed while it was read, twice");
        }
        return copy;
    }
}
