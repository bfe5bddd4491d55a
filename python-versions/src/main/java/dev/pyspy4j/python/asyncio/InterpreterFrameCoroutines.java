// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.FrameLayout;
import java.nio.ByteBuffer;

/**
 * CPython 3.11-3.13: the coroutine object embeds its {@code _PyInterpreterFrame} ({@code gi_iframe}, the last field
 * of {@code _PyGenObject_HEAD} in Include/internal/pycore_genobject.h or Include/cpython/genobject.h) and keeps the
 * frame's state in the {@code int8_t gi_frame_state} just before it. Field by field, {@code _PyGenObject_HEAD} is:
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
 */
final class InterpreterFrameCoroutines implements CoroutineFrames {
    private final RemoteReader reader;
    private final FrameLayout frames;
    private final int frameState;
    private final int iframe;
    private final int stackTop;
    private final int codeStart;
    private final byte created;
    /** The state of a coroutine suspended in an {@code await}: the lowest suspended state. */
    private final byte suspendedInAwait;
    private final byte suspendedLast;

    private InterpreterFrameCoroutines(RemoteReader reader, FrameLayout frames, int frameState, int iframe,
                                       int stackTop, int codeStart, byte created, byte suspendedInAwait) {
        this.reader = reader;
        this.frames = frames;
        this.frameState = frameState;
        this.iframe = iframe;
        this.stackTop = stackTop;
        this.codeStart = codeStart;
        this.created = created;
        this.suspendedInAwait = suspendedInAwait;
        this.suspendedLast = -1;
    }

    static InterpreterFrameCoroutines v311(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart) {
        return new InterpreterFrameCoroutines(reader, frames, 75, 80, stackTop, codeStart, (byte) -2, (byte) -1);
    }

    static InterpreterFrameCoroutines v312(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart) {
        return new InterpreterFrameCoroutines(reader, frames, 67, 72, stackTop, codeStart, (byte) -2, (byte) -1);
    }

    static InterpreterFrameCoroutines v313(RemoteReader reader, FrameLayout frames, int stackTop, int codeStart) {
        return new InterpreterFrameCoroutines(reader, frames, 67, 72, stackTop, codeStart, (byte) -3, (byte) -1);
    }

    @Override
    public CoroutineFrame read(long coroutine) {
        ByteBuffer gen = reader.struct(coroutine + frameState, iframe - frameState + frames.localsplus());
        byte state = gen.get(0);
        long frame = coroutine + iframe;
        int base = iframe - frameState;
        CoroutineFrame.Status status;
        if (state == created) {
            status = CoroutineFrame.Status.CREATED;
        } else if (state < 0 && state <= suspendedLast) {
            status = CoroutineFrame.Status.SUSPENDED;
        } else if (state == 0) {
            status = CoroutineFrame.Status.EXECUTING;
        } else {
            return null;
        }
        long code = gen.getLong(base + frames.code()) & ~frames.tagMask();
        long instruction = gen.getLong(base + frames.instruction());
        long offset = instruction - (code + codeStart);
        int instructionOffset = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, offset));
        long awaited = 0;
        if (status == CoroutineFrame.Status.SUSPENDED && state == suspendedInAwait) {
            int top = gen.getInt(base + stackTop);
            if (top > 0 && top < (1 << 20)) {
                awaited = reader.pointer(frame + frames.localsplus() + (long) (top - 1) * 8) & ~frames.tagMask();
            }
        }
        return new CoroutineFrame(frame, code, instructionOffset, status, awaited);
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
