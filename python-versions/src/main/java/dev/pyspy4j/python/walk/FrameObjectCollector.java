// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a thread's {@code PyFrameObject} chain (2.7, 3.3-3.10): heap objects linked by {@code f_back}, one per
 * Python call, so each is its own entry into the eval loop. {@code f_lasti} is a byte offset up to 3.9 and an
 * instruction (2-byte code unit) index in 3.10; it is converted to bytes here.
 */
public final class FrameObjectCollector implements FrameCollector {
    private final int threadFrame;
    private final int back;
    private final int code;
    private final int lasti;
    private final int lastiScale;
    private final int readSize;
    private final DepthLimit depth;
    private final ChainRecheck recheck;

    /** @param lastiScale bytes per {@code f_lasti} unit: 1 up to 3.9, 2 in 3.10 */
    public FrameObjectCollector(StructLayouts t, int lastiScale, DepthLimit depth) {
        this.threadFrame = t.offset("PyThreadState.frame");
        this.back = t.offset("PyFrameObject.f_back");
        this.code = t.offset("PyFrameObject.f_code");
        this.lasti = t.offset("PyFrameObject.f_lasti");
        this.lastiScale = lastiScale;
        this.readSize = Math.max(back, Math.max(code, lasti)) + 8;
        this.depth = depth;
        this.recheck = new ChainRecheck(code, back, 0);
    }

    @Override
    public CollectedFrames collect(RemoteReader reader, ByteBuffer threadState) {
        List<RawFrame> frames = new ArrayList<>();
        ChainGuard guard = new ChainGuard();
        long head = threadState.getLong(threadFrame);
        long address = head;
        while (address != 0 && frames.size() < depth.maxFrames()) {
            guard.visit(address);
            ByteBuffer frame = reader.transientStruct(address, readSize);
            long offset = (long) frame.getInt(lasti) * lastiScale;
            frames.add(new RawFrame(address, frame.getLong(code), offset, true));
            address = frame.getLong(back);
        }
        return new CollectedFrames(frames, countOuterFrames(reader, address, guard), head);
    }

    @Override
    public Recheck recheck(ByteOrder order, long threadStateAddress, ByteBuffer threadState,
                           CollectedFrames copied) {
        return recheck.of(order, new long[] {threadStateAddress + threadFrame, copied.head()}, copied);
    }

    /** Follows only the {@code f_back} links from {@code address}, the first frame not kept. */
    private OuterFramesCut countOuterFrames(RemoteReader reader, long address, ChainGuard guard) {
        long count = 0;
        while (address != 0) {
            if (count == depth.maxCounted()) {
                return new OuterFramesCut(count, true);
            }
            guard.visit(address);
            count++;
            address = reader.pointer(address + back);
        }
        return count == 0 ? OuterFramesCut.NONE : new OuterFramesCut(count, false);
    }
}
