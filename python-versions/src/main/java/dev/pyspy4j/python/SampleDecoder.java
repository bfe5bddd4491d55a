// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.walk.CodeCache;
import dev.pyspy4j.python.walk.CodeInfo;
import dev.pyspy4j.python.walk.CodeReader;
import dev.pyspy4j.python.walk.IdleHeuristics;
import dev.pyspy4j.python.walk.LocalsReader;
import dev.pyspy4j.python.walk.OuterFramesCut;
import dev.pyspy4j.python.walk.RawFrame;
import dev.pyspy4j.python.walk.RawSample;
import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.python.walk.ThreadNames;
import dev.pyspy4j.python.walk.TornSampleException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.python.SampleRequest;
import dev.pyspy4j.spi.python.ThreadSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/** Turns copied raw frames into {@link StackTrace}s: code names, lines, thread names, idle and GIL states. */
final class SampleDecoder {
    static final String CUT_MARKER_FILE = Frame.MARKER_FILE;

    private final long pid;
    private final long interpreter;
    private final CodeCache codes;
    private final CodeReader codeReader;
    private final ThreadNames names;
    private final boolean instructionIsPointer;
    /** The target's map from thread handles ({@code pthread_t}) to OS thread ids. */
    private final Function<List<Long>, Map<Long, Long>> osThreadIdsOfHandles;
    /** The target's map from the ids its threads know themselves by to this machine's (they differ in a container). */
    private final LongUnaryOperator hostThreadIds;
    private final LocalsReader locals;
    /** Whether a thread's stack, copied while the target was paused, is still what the thread runs now. */
    private final Predicate<RawThread> stillAsCopied;
    private final FrameCache frameCache = new FrameCache();
    private final ThreadIdentities identities = new ThreadIdentities();
    private final DecodedStacks decoded = new DecodedStacks();

    SampleDecoder(long pid, long interpreter, CodeCache codes, CodeReader codeReader, ThreadNames names,
                  boolean instructionIsPointer, Function<List<Long>, Map<Long, Long>> osThreadIdsOfHandles,
                  LongUnaryOperator hostThreadIds, LocalsReader locals, Predicate<RawThread> stillAsCopied) {
        this.osThreadIdsOfHandles = osThreadIdsOfHandles;
        this.stillAsCopied = stillAsCopied;
        this.hostThreadIds = hostThreadIds;
        this.locals = locals;
        this.pid = pid;
        this.interpreter = interpreter;
        this.codes = codes;
        this.codeReader = codeReader;
        this.names = names;
        this.instructionIsPointer = instructionIsPointer;
    }

    List<StackTrace> decode(RawSample raw, SampleRequest request, Map<Long, ThreadActivity> activity) {
        List<StackTrace> traces = new ArrayList<>(raw.threads().size());
        Map<Long, Long> tids = osThreadIds(raw);
        identities.begin();
        decoded.begin(request);
        List<RawThread> threads = raw.threads();
        for (int i = 0; i < threads.size(); i++) {
            RawThread thread = threads.get(i);
            boolean ownsGil = raw.gilHolder() != 0 && thread.threadState() == raw.gilHolder();
            if (request.gilOnly() && !ownsGil) {
                continue;
            }
            List<Frame> frames = raw.isReused(i) ? decoded.before(thread) : null;
            if (frames == null) {
                frames = readableFrames(thread, request);
            }
            decoded.keep(thread, frames);
            long tid = hostThreadId(thread, tids);
            identities.record(thread.threadState(), thread.threadId(), thread.nativeThreadId(), tid);
            traces.add(new StackTrace(pid, thread.threadId(), names.nameOf(interpreter, thread.threadId()), tid,
                    isActive(tid, frames, activity), ownsGil, frames, null));
        }
        identities.publish();
        decoded.publish();
        return traces;
    }

    /** The owners of the thread states of the last decoded sample. */
    ThreadIdentities identities() {
        return identities;
    }

    /** Learns who owns each thread state of {@code raw} without decoding its stacks. */
    void learnIdentities(RawSample raw) {
        Map<Long, Long> tids = osThreadIds(raw);
        identities.begin();
        for (RawThread thread : raw.threads()) {
            identities.record(thread.threadState(), thread.threadId(), thread.nativeThreadId(),
                    hostThreadId(thread, tids));
        }
        identities.publish();
    }

    /** The thread's OS thread id on this machine; 0 when unknown. */
    private long hostThreadId(RawThread thread, Map<Long, Long> tidsOfHandles) {
        long idInProcess = thread.nativeThreadId() != 0 ? thread.nativeThreadId()
                : tidsOfHandles.getOrDefault(thread.threadId(), 0L);
        return idInProcess == 0 ? 0 : hostThreadIds.applyAsLong(idInProcess);
    }

    /**
     * The thread's frames, or one marker frame saying why they cannot be shown. A paused target's memory does not
     * move, so a failure there belongs to this thread and must not hide the others; without pausing it means a
     * torn sample, which fails as a whole and is counted as such. A code object that could not be read while the
     * target was paused is read again now, though: one that cannot be read then either, from a thread that has
     * moved on since the copy, was freed in between (a program finishing frees its code), and that sample is torn
     * too.
     */
    private List<Frame> readableFrames(RawThread thread, SampleRequest request) {
        if (thread.unreadable() != null) {
            return List.of(unreadableMarker(thread.unreadable()));
        }
        try {
            return frames(thread, request);
        } catch (SpyException e) {
            if (!request.pauseTarget() || e.kind() != FailureKind.MEMORY_READ) {
                throw e;
            }
            if (!stillAsCopied.test(thread)) {
                throw new TornSampleException("the code of a frame was freed before it was read (" + e.getMessage()
                        + ")");
            }
            return List.of(unreadableMarker(e.getMessage()));
        }
    }

    /** The only frame of a thread whose stack could not be read. */
    static Frame unreadableMarker(String reason) {
        return Frame.unreadableStack(reason);
    }

    private List<Frame> frames(RawThread thread, SampleRequest request) {
        List<RawFrame> raws = thread.frames();
        boolean cut = thread.cut().any();
        List<Frame> frames = new ArrayList<>(raws.size() + (cut ? 1 : 0));
        for (int i = 0; i < raws.size(); i++) {
            RawFrame raw = raws.get(i);
            CodeInfo code = codes.get(raw.code());
            int line = switch (request.lineNumbers()) {
                case CURRENT -> code.lineAt(instructionOffset(raw));
                case FUNCTION_START -> code.firstLine();
                case NONE -> 0;
            };
            List<LocalVariable> variables = request.localsBudget() > 0 && locals != null
                    ? locals.read(raw.address(), raw.code(), code, request.localsBudget()) : null;
            // As in py-spy, the outermost frame closes the stack for the native merge.
            boolean outermost = !cut && i == raws.size() - 1;
            frames.add(variables == null
                    ? frameCache.frame(code, line, raw.entry(), outermost, raw.entryRecord())
                    : new Frame(code.name(), code.filename(), null, null, line, variables, raw.entry(), outermost,
                            raw.entryRecord()));
        }
        if (cut) {
            frames.add(cutMarker(thread.cut()).withShimEntry(true));
        }
        return frames;
    }

    /**
     * The outermost frame of a stack cut for depth: says how many outer frames were left out, so that a cut stack
     * is never mistaken for a whole one.
     */
    static Frame cutMarker(OuterFramesCut cut) {
        String name = cut.atLeast()
                ? "<more than " + cut.count() + " outer frames cut>"
                : "<" + cut.count() + " outer frame" + (cut.count() == 1 ? "" : "s") + " cut>";
        return new Frame(name, CUT_MARKER_FILE, null, null, 0, null, false, false);
    }

    /** Byte offset of the executing instruction from the start of the bytecode. */
    private int instructionOffset(RawFrame frame) {
        if (!instructionIsPointer) {
            return (int) frame.instruction();
        }
        long offset = frame.instruction() - (frame.code() + codeReader.codeStart());
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, offset));
    }

    /**
     * Whether {@code selection} selects a thread known by its ids, as a trace would show it: its OS thread id as this
     * machine knows it, its Python name.
     */
    boolean selects(ThreadSelection selection, long threadId, long nativeThreadId) {
        long tid = 0;
        if (!selection.osThreadIds().isEmpty()) {
            long idInProcess = nativeThreadId != 0 ? nativeThreadId
                    : osThreadIdsOfHandles.apply(List.of(threadId)).getOrDefault(threadId, 0L);
            tid = idInProcess == 0 ? 0 : hostThreadIds.applyAsLong(idInProcess);
        }
        String name = selection.needsNames() ? names.nameOf(interpreter, threadId) : null;
        return selection.selects(tid, name);
    }

    /** OS thread ids of threads whose interpreter does not record them (before 3.11). */
    private Map<Long, Long> osThreadIds(RawSample raw) {
        List<Long> unknown = new ArrayList<>();
        for (RawThread thread : raw.threads()) {
            if (thread.nativeThreadId() == 0) {
                unknown.add(thread.threadId());
            }
        }
        return unknown.isEmpty() ? Map.of() : osThreadIdsOfHandles.apply(unknown);
    }

    private static boolean isActive(long tid, List<Frame> frames, Map<Long, ThreadActivity> activity) {
        ThreadActivity state = activity == null || tid == 0
                ? ThreadActivity.UNKNOWN
                : activity.getOrDefault(tid, ThreadActivity.UNKNOWN);
        return switch (state) {
            case ACTIVE -> true;
            case IDLE -> false;
            case UNKNOWN -> !IdleHeuristics.looksIdle(frames);
        };
    }
}
