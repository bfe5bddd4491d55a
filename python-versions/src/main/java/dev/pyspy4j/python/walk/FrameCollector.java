// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;

/**
 * Copies the frames of one thread, leaf first, given its {@code PyThreadState} bytes. One per version family. A
 * stack deeper than the collector's {@link DepthLimit} keeps its innermost frames and counts the others; a chain
 * that loops (torn memory) is a {@link TornSampleException}.
 */
public interface FrameCollector {
    CollectedFrames collect(RemoteReader reader, ByteBuffer threadState);
}
