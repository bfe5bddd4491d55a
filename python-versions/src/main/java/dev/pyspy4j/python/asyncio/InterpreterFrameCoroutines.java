// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.FrameLayout;
import java.nio.ByteBuffer;

/**
 * CPython 3.11 and later: the coroutine object embeds its {@code _PyInterpreterFrame} ({@code gi_iframe}, the
 * last field of {@code _PyGenObject_HEAD} in Include/internal/pycore_genobject.h or Include/cpython/genobject.h) and
 * keeps the frame's state in the {@code int8_t gi_frame_state} just before it. Field by field,
 * {@code _PyGenObject_HEAD} is:
 * <ul>
 *   <li>3.11: {@code PyObject_HEAD} (16), {@code gi_code} 16, {@code gi_weakreflist} 24, {@code gi_name} 32,
 *       {@code gi_qualname} 40, {@code gi_exc_state} 48 (two pointers), {@code gi_origin_or_finalizer} 64, three
 *       chars {@code gi_hooks_inited}, {@code gi_closed}, {@code gi_running_async} at 72-74,
 *       {@code gi_frame_state} 75, {@code gi_iframe} 80;</li>
 *   <li>3.12 and 3.13: {@code gi_code} is gone (the frame holds the code), so {@code gi_weakreflist} 16,
 *       {@code gi_name} 24, {@code gi_qualname} 32, {@code gi_exc_state} 40, {@code gi_origin_or_finalizer} 56,
 *       the chars at 64-66, {@code gi_frame_state} 67, {@code gi_iframe} 72.</li>
 * </ul>
 * Frame states (Include/internal/pycore_frame.h): 3.11 and 3.12 {@code FRAME_CREATED} -2, {@code FRAME_SUSPENDED}
 * -1, {@code FRAME_EXECUTING} 0, {@code FRAME_COMPLETED} 1, {@code FRAME_CLEARED} 4; 3.13 {@code FRAME_CREATED} -3,
 * {@code FRAME_SUSPENDED} -2, {@code FRAME_SUSPENDED_YIELD_FROM} -1, then as before. What a suspended coroutine awaits
 * is the top of its value stack, {@code localsplus[stacktop - 1]} ({@code _PyGen_yf}).
 * <p>3.14 and 3.15 (placed by the target's {@code _Py_DebugOffsets.gen_object}: {@code gi_frame_state} 67,
 * {@code gi_iframe} 72 in both) keep a {@code _PyStackRef *stackpointer} instead of the index, and tag the
 * references. 3.14 has 3.13's states and its awaited object at {@code stackpointer[-1]}; 3.15 renumbered the states
 * ({@code FRAME_CREATED} 0, {@code FRAME_SUSPENDED} 1, {@code FRAME_SUSPENDED_YIELD_FROM} 2,
 * {@code FRAME_SUSPENDED_YIELD_FROM_LOCKED} 3, {@code FRAME_EXECUTING} 4, {@code FRAME_CLEARED} 5) and keeps the
 * awaited object one slot lower, at {@code stackpointer[-2]} (its top slot is empty while suspended in an await;
 * checked against 3.15.0).
 */
final class InterpreterFrameCoroutines implements CoroutineFrames {
    private final RemoteReader reader;
    private final FrameLayout frames;
    private final States states;
    private final int frameState;
    private final int iframe;
    /** {@code stacktop} (an index into {@code localsplus}) up to 3.13, {@code stackpointer} from 3.14. */
    private final int stackTop;
    private final boolean stackPointer;
    /** How far below the stack top the awaited object lies: 1, or 2 from 3.15. */
    private final int awaitedDepth;
    private final int codeStart;

    /**
     * The values of {@code gi_frame_state} ({@code enum _framestate}).
     *
     * @param created          not started
     * @param suspendedLow     the lowest suspended state
     * @param suspendedInAwait suspended in an {@code await} ({@code yield from}), the only state with an awaited object
     * @param suspendedHigh    the highest suspended state
     * @param executing        running
     */
    record States(int created, int suspendedLow, int suspendedInAwait, int suspendedHigh, int executing) {
        static final States V311 = new States(-2, -1, -1, -1, 0);
        static final States V313 = new States(-3, -2, -1, -1, 0);
        static final States V315 = new States(0, 1, 2, 3, 4);
    }

    private InterpreterFrameCoroutines(RemoteReader reader, FrameLayout frames, States states, int frameState,
                                       int iframe, int stackTop, boolean stackPointer, int awaitedDepth,
                                       int codeStart) {
        this.reader = reader;
        this.frames = frames;
        this.states = states;
        this.frameState = frameState;
        this.iframe = iframe;
        this.stackTop = stackTop;
        this.stackPointer = stackPointer;
        this.awaitedDepth = awaitedDepth;
        this.codeStart = codeStart;
    }

    static InterpreterFrameCoroutines v311(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart) {
        return new InterpreterFrameCoroutines(reader, frames, States.V311, 75, 80, stackTop, false, 1, codeStart);
    }

    static InterpreterFrameCoroutines v312(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart) {
        return new InterpreterFrameCoroutines(reader, frames, States.V311, 67, 72, stackTop, false, 1, codeStart);
    }

    /**
     * @param headerExtra how much longer than 16 bytes an object header is (16 in a free-threaded build), which moves
     *                    every field of the coroutine object by as much
     */
    static InterpreterFrameCoroutines v313(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart,
                                           int headerExtra) {
        return new InterpreterFrameCoroutines(reader, frames, States.V313, 67 + headerExtra, 72 + headerExtra,
                stackTop, false, 1, codeStart);
    }

    /** 3.14 and later, with the coroutine object's fields where the target's debug offsets put them. */
    static InterpreterFrameCoroutines v314(RemoteReader reader, FrameLayout frames, int minor, int frameState,
                                           int iframe, int stackPointer, int codeStart) {
        return minor == 14
                ? new InterpreterFrameCoroutines(reader, frames, States.V313, frameState, iframe, stackPointer, true, 1,
                        codeStart)
                : new InterpreterFrameCoroutines(reader, frames, States.V315, frameState, iframe, stackPointer, true, 2,
                        codeStart);
    }

    @Override
    public CoroutineFrame read(long coroutine) {
        int base = iframe - frameState;
        ByteBuffer gen = reader.struct(coroutine + frameState, base + frames.localsplus());
        byte state = gen.get(0);
        long frame = coroutine + iframe;
        CoroutineFrame.Status status;
        if (state == states.created()) {
            status = CoroutineFrame.Status.CREATED;
        } else if (state >= states.suspendedLow() && state <= states.suspendedHigh()) {
            status = CoroutineFrame.Status.SUSPENDED;
        } else if (state == states.executing()) {
            status = CoroutineFrame.Status.EXECUTING;
        } else {
            return null;
        }
        long code = gen.getLong(base + frames.code()) & ~frames.tagMask();
        long instruction = gen.getLong(base + frames.instruction());
        long offset = instruction - (code + codeStart);
        int instructionOffset = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, offset));
        long awaited = 0;
        if (state == states.suspendedInAwait()) {
            awaited = awaited(gen, base, frame);
        }
        return new CoroutineFrame(frame, code, instructionOffset, status, awaited);
    }

    private long awaited(ByteBuffer gen, int base, long frame) {
        long slot;
        if (stackPointer) {
            long pointer = gen.getLong(base + stackTop);
            if (pointer <= frame + frames.localsplus()) {
                return 0;
            }
            slot = pointer - 8L * awaitedDepth;
        } else {
            int top = gen.getInt(base + stackTop);
            if (top < awaitedDepth || top >= (1 << 20)) {
                return 0;
            }
            slot = frame + frames.localsplus() + (long) (top - awaitedDepth) * 8;
        }
        return reader.pointer(slot) & ~frames.tagMask();
    }

    @Override
    public long caller(CoroutineFrame frame) {
        return reader.pointer(frame.address() + frames.previous());
    }

    @Override
    public long[] slots(CoroutineFrame frame, int count) {
        ByteBuffer words = reader.struct(frame.address() + frames.localsplus(), count * 8);
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = words.getLong(i * 8) & ~frames.tagMask();
        }
        return result;
    }
}
