// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Copies the frames of one thread, leaf first, given its {@code PyThreadState} bytes. One per version family. A
 * stack deeper than the collector's {@link DepthLimit} keeps its innermost frames and counts the others; a chain
 * that loops (torn memory) is a {@link TornSampleException}.
 */
public interface FrameCollector {
    CollectedFrames collect(RemoteReader reader, ByteBuffer threadState);

    /**
     * The second look at a stack that {@link #collect} copied from {@code threadState} of a running target: the
     * pointers to the current frame, each kept frame's code object and link, to be read again and compared. For
     * samples of a running target, whose thread may have changed its stack while it was copied.
     *
     * @param threadStateAddress where the thread's {@code PyThreadState} is
     */
    Recheck recheck(ByteOrder order, long threadStateAddress, ByteBuffer threadState, CollectedFrames copied);

    /** Reads to make again (with as few system calls as the target allows), then whether they still match. */
    interface Recheck {
        List<ReadRequest> reads();

        /** Whether the reads, once made, found what the copy had; false where they could not be made. */
        boolean same();
    }
}
