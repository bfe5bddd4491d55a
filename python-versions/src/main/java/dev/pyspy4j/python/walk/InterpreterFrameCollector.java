// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a thread's {@code _PyInterpreterFrame} chain (3.11+). The thread's frames live in its data-stack chunks,
 * so those are copied whole first (one read per chunk) and the chain is then walked locally; frames outside the
 * chunks (those of running generators and coroutines) are read one by one.
 */
public final class InterpreterFrameCollector implements FrameCollector {
    /** A chunk chain longer than this, or a chunk bigger than {@link RemoteReader#MAX_READ}, is garbage. */
    private static final int MAX_CHUNKS = 256;
    private static final long PAGE = 4096;

    private final ThreadLayout thread;
    private final FrameLayout frame;
    private final ChunkLayout chunk;

    public InterpreterFrameCollector(ThreadLayout thread, FrameLayout frame, ChunkLayout chunk) {
        this.thread = thread;
        this.frame = frame;
        this.chunk = chunk;
    }

    @Override
    public List<RawFrame> collect(RemoteReader reader, ByteBuffer threadState) {
        RemoteReader local = reader;
        if (reader.memory() instanceof SnapshotMemory snapshot && thread.datastackChunk() >= 0) {
            copyChunks(reader, snapshot, threadState);
        }
        long address = firstFrame(local, threadState);
        List<RawFrame> frames = new ArrayList<>();
        int visited = 0;
        while (address != 0) {
            if (++visited > MAX_FRAMES) {
                throw new TornSampleException("frame chain longer than " + MAX_FRAMES + " frames");
            }
            ByteBuffer bytes = local.struct(address, frame.size());
            long previous = bytes.getLong(frame.previous());
            if (frame.ownerSkipFrom() >= 0 && (bytes.get(frame.owner()) & 0xFF) >= frame.ownerSkipFrom()) {
                // A shim the interpreter pushes when C code calls into Python holds no Python code; the frame
                // above it is the first one that C-level call ran.
                markLastAsEntry(frames);
                address = previous;
                continue;
            }
            long code = bytes.getLong(frame.code()) & ~frame.tagMask();
            boolean entry = frame.isEntry() >= 0 && bytes.get(frame.isEntry()) != 0;
            frames.add(new RawFrame(address, code, bytes.getLong(frame.instruction()), entry));
            address = previous;
        }
        return frames;
    }

    private static void markLastAsEntry(List<RawFrame> frames) {
        if (!frames.isEmpty()) {
            RawFrame last = frames.get(frames.size() - 1);
            frames.set(frames.size() - 1, new RawFrame(last.address(), last.code(), last.instruction(), true));
        }
    }

    private long firstFrame(RemoteReader reader, ByteBuffer threadState) {
        long pointer = threadState.getLong(thread.frame());
        if (thread.cframeFrame() < 0) {
            return pointer;
        }
        return pointer == 0 ? 0 : reader.pointer(pointer + thread.cframeFrame());
    }

    private void copyChunks(RemoteReader reader, SnapshotMemory snapshot, ByteBuffer threadState) {
        long current = threadState.getLong(thread.datastackChunk());
        long top = threadState.getLong(thread.datastackTop());
        if (current == 0) {
            return;
        }
        long used = top - current;
        if (used <= chunk.data() || used > RemoteReader.MAX_READ) {
            return; // An empty or implausible chunk: the walk will read frames one by one.
        }
        // Copying up to the end of the page that holds the top is safe (memory is mapped in whole pages) and lets
        // the next sample's planned copy cover a slightly deeper stack too; memory that is not mapped by pages
        // (a test's fake) gets the exact length.
        long end = (top + PAGE - 1) & -PAGE;
        try {
            snapshot.copy(current, (int) Math.min(RemoteReader.MAX_READ, end - current));
        } catch (SpyException e) {
            snapshot.copy(current, (int) used);
        }
        long previous = reader.pointer(current + chunk.previous());
        for (int count = 0; previous != 0 && count < MAX_CHUNKS; count++) {
            ByteBuffer header = reader.struct(previous, chunk.data());
            long usedBytes = chunk.data() + header.getLong(chunk.top()) * 8;
            if (usedBytes <= chunk.data() || usedBytes > header.getLong(chunk.size())
                    || usedBytes > RemoteReader.MAX_READ) {
                return;
            }
            snapshot.copy(previous, (int) usedBytes);
            previous = header.getLong(chunk.previous());
        }
    }
}
