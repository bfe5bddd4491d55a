// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;
import java.util.List;

/** Copies the frames of one thread, leaf first, given its {@code PyThreadState} bytes. One per version family. */
public interface FrameCollector {
    /** More frames than this means a cycle in a torn chain (CPython's own limits are far lower). */
    int MAX_FRAMES = 1 << 16;

    List<RawFrame> collect(RemoteReader reader, ByteBuffer threadState);
}
