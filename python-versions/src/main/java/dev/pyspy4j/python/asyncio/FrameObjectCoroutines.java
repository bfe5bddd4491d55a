// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;

/**
 * CPython 3.7-3.10: a coroutine points at a heap {@code PyFrameObject} ({@code gi_frame}, the first field after the
 * object header in {@code _PyGenObject_HEAD} of Include/genobject.h; NULL once finished). What it awaits is the top
 * of its value stack while it is suspended in {@code YIELD_FROM} (Objects/genobject.c, {@code _PyGen_yf}): up to 3.9
 * {@code f_stacktop[-1]} ({@code f_stacktop} is NULL while the frame runs, {@code f_executing} set); in 3.10
 * {@code f_valuestack[f_stackdepth - 1]} with the state in {@code f_state} (-2 created, -1 suspended, 0 executing,
 * 1 and above returned, unwound, raised or cleared; Include/cpython/frameobject.h).
 */
final class FrameObjectCoroutines implements CoroutineFrames {
    /** {@code gi_frame}/{@code cr_frame}: right after {@code PyObject_HEAD} in every version from 3.5 to 3.10. */
    private static final int GEN_FRAME = 16;
    private static final byte FRAME_CREATED = -2;
    private static final byte FRAME_SUSPENDED = -1;
    private static final byte FRAME_EXECUTING = 0;

    private final RemoteReader reader;
    private final int back;
    private final int code;
    private final int lasti;
    private final int lastiScale;
    private final int valueStack;
    /** {@code f_stacktop} up to 3.9; -1 in 3.10. */
    private final int stackTop;
    /** {@code f_stackdepth} in 3.10; -1 before. */
    private final int stackDepth;
    /** {@code f_executing} up to 3.9, {@code f_state} in 3.10. */
    private final int state;
    private final int localsplus;
    private final int readSize;

    /** @param lastiScale bytes per {@code f_lasti} unit: 1 up to 3.9, 2 (code units) in 3.10 */
    FrameObjectCoroutines(RemoteReader reader, StructLayouts t, int lastiScale) {
        this.reader = reader;
        this.back = t.offset("PyFrameObject.f_back");
        this.code = t.offset("PyFrameObject.f_code");
        this.lasti = t.offset("PyFrameObject.f_lasti");
        this.lastiScale = lastiScale;
        this.valueStack = t.offset("PyFrameObject.f_valuestack");
        this.stackTop = t.has("PyFrameObject.f_stacktop") ? t.offset("PyFrameObject.f_stacktop") : -1;
        this.stackDepth = t.has("PyFrameObject.f_stackdepth") ? t.offset("PyFrameObject.f_stackdepth") : -1;
        this.state = t.has("PyFrameObject.f_state") ? t.offset("PyFrameObject.f_state")
                : t.offset("PyFrameObject.f_executing");
        this.localsplus = t.offset("PyFrameObject.f_localsplus");
        this.readSize = localsplus;
    }

    @Override
    public CoroutineFrame read(long coroutine) {
        long frame = reader.pointer(coroutine + GEN_FRAME);
        if (frame == 0) {
            return null;
        }
        ByteBuffer f = reader.struct(frame, readSize);
        int last = f.getInt(lasti);
        int offset = last < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (long) last * lastiScale);
        CoroutineFrame.Status status;
        long awaited = 0;
        if (stackDepth >= 0) {
            byte s = f.get(state);
            status = s == FRAME_CREATED ? CoroutineFrame.Status.CREATED
                    : s == FRAME_SUSPENDED ? CoroutineFrame.Status.SUSPENDED
                    : s == FRAME_EXECUTING ? CoroutineFrame.Status.EXECUTING : CoroutineFrame.Status.DONE;
            int depth = f.getInt(stackDepth);
            if (status == CoroutineFrame.Status.SUSPENDED && depth > 0) {
                awaited = reader.pointer(f.getLong(valueStack) + (long) (depth - 1) * 8);
            }
        } else {
            long top = f.getLong(stackTop);
            if (f.get(state) != 0) {
                status = CoroutineFrame.Status.EXECUTING;
            } else if (top == 0) {
                status = CoroutineFrame.Status.DONE;
            } else {
                status = last < 0 ? CoroutineFrame.Status.CREATED : CoroutineFrame.Status.SUSPENDED;
                if (last >= 0 && top > f.getLong(valueStack)) {
                    awaited = reader.pointer(top - 8);
                }
            }
        }
        return new CoroutineFrame(frame, f.getLong(code), offset, status, awaited);
    }

    @Override
    public long caller(CoroutineFrame frame) {
        return reader.pointer(frame.address() + back);
    }

    @Override
    public long[] slots(CoroutineFrame frame, int count) {
        ByteBuffer words = reader.struct(reader.pointer(frame.address() + valueStack), count * 8);
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = words.getLong(i * 8);
        }
        return result;
    }
}
