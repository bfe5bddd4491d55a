// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a stack copied from a running target against a second look at the target, made as one batched read:
 * the pointers that lead to the thread's current frame, each kept frame's code object and link to the frame
 * outside it (outermost first), then the pointers again. A copy that a running thread tore (an outer frame read
 * before the thread returned through it and called another function, the inner ones after; or a frame slot read
 * before the thread filled it) shows codes, links or pointers that the second look does not find. The pointers
 * read on both sides of the frames make the second look itself whole: a thread whose current frame stayed put
 * while its frames were read did not change them. What it cannot see is a thread that, in the microseconds
 * between the two looks, went back to exactly the stack of the first.
 *
 * <p>The instruction pointers are not compared: a running thread moves its own between any two reads, so
 * comparing them would reject nearly every sample of a busy thread; a torn instruction pointer shows at most a
 * wrong line in the right function.
 */
final class ChainRecheck {
    private final int code;
    private final int previous;
    private final long codeMask;
    /** The window of a frame that holds both fields. */
    private final int windowStart;
    private final int windowLength;

    /** @param codeMask bits to clear in the code field before comparing (tagged references), or 0 */
    ChainRecheck(int code, int previous, long codeMask) {
        this.code = code;
        this.previous = previous;
        this.codeMask = codeMask;
        this.windowStart = Math.min(code, previous);
        this.windowLength = Math.max(code, previous) + 8 - windowStart;
    }

    /**
     * The second look at one copied stack: its reads, to be made (in a batch with others) before {@link #same()}.
     * {@code heads} are the current-frame pointers as address, value seen pairs.
     */
    Check of(ByteOrder order, long[] heads, CollectedFrames copied) {
        return new Check(order, heads, copied);
    }

    /** The reads of one second look and the verdict on them. */
    final class Check implements FrameCollector.Recheck {
        private final CollectedFrames copied;
        private final long[] heads;
        private final List<ReadRequest> reads;

        private Check(ByteOrder order, long[] heads, CollectedFrames copied) {
            this.copied = copied;
            this.heads = heads;
            List<RawFrame> frames = copied.frames();
            this.reads = new ArrayList<>(frames.size() + heads.length);
            addHeads(order);
            for (int i = frames.size() - 1; i >= 0; i--) {
                reads.add(new ReadRequest(frames.get(i).address() + windowStart,
                        ByteBuffer.allocate(windowLength).order(order)));
            }
            addHeads(order);
        }

        private void addHeads(ByteOrder order) {
            for (int i = 0; i < heads.length; i += 2) {
                reads.add(new ReadRequest(heads[i], ByteBuffer.allocate(8).order(order)));
            }
        }

        @Override
        public List<ReadRequest> reads() {
            return reads;
        }

        /**
         * Whether the second look found the same pointers and, at each frame, the same code object and the same
         * link to the next kept frame; and whether the outermost frame, when no frame was cut, is one entered from
         * C (the bottom of every thread's stack) whose link ends the chain.
         */
        @Override
        public boolean same() {
            List<RawFrame> frames = copied.frames();
            int count = frames.size();
            boolean complete = copied.cut().count() == 0;
            if (complete && count > 0 && !frames.get(count - 1).entry()) {
                return false;
            }
            int before = 0;
            int after = heads.length / 2 + count;
            for (int i = 0; i < heads.length; i += 2) {
                if (reads.get(before + i / 2).target().getLong(0) != heads[i + 1]
                        || reads.get(after + i / 2).target().getLong(0) != heads[i + 1]) {
                    return false;
                }
            }
            for (int i = 0; i < count; i++) {
                RawFrame frame = frames.get(i);
                ByteBuffer window = reads.get(heads.length / 2 + count - 1 - i).target();
                if ((window.getLong(code - windowStart) & ~codeMask) != frame.code()) {
                    return false;
                }
                // A frame entered from C may link to the shims below it rather than to the next frame with code.
                long link = window.getLong(previous - windowStart);
                boolean last = i == count - 1;
                if (frame.entryRecord() == 0 && (last ? complete && link != 0
                        : link != frames.get(i + 1).address())) {
                    return false;
                }
            }
            return true;
        }
    }
}
