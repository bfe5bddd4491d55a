// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final DepthLimit depth;
    /** Per-thread bytecode copies of free-threaded 3.14+, or {@code null}. */
    private final ThreadLocalBytecode copies;
    private final ChainRecheck recheck;

    public InterpreterFrameCollector(ThreadLayout thread, FrameLayout frame, ChunkLayout chunk, DepthLimit depth) {
        this(thread, frame, chunk, depth, Optional.empty());
    }

    public InterpreterFrameCollector(ThreadLayout thread, FrameLayout frame, ChunkLayout chunk, DepthLimit depth,
                                     Optional<ThreadLocalBytecode> copies) {
        this.thread = thread;
        this.frame = frame;
        this.chunk = chunk;
        this.depth = depth;
        this.copies = copies.orElse(null);
        this.recheck = new ChainRecheck(frame.code(), frame.previous(), frame.tagMask());
    }

    @Override
    public CollectedFrames collect(RemoteReader reader, ByteBuffer threadState) {
        RemoteReader local = reader;
        if (reader.memory() instanceof SnapshotMemory snapshot && thread.datastackChunk() >= 0) {
            copyChunks(reader, snapshot, threadState);
        }
        long head = firstFrame(local, threadState);
        long address = head;
        List<RawFrame> frames = new ArrayList<>();
        ChainGuard guard = new ChainGuard();
        long visited = 0;
        while (address != 0 && frames.size() < depth.maxFrames()) {
            // A real stack has at most one shim per frame with code, and one more at its bottom.
            if (++visited > 2L * depth.maxFrames() + 1) {
                throw new TornSampleException("frame chain holds more shims than frames");
            }
            guard.visit(address);
            ByteBuffer bytes = local.transientStruct(address, frame.size());
            long previous = bytes.getLong(frame.previous());
            if (isShim(bytes)) {
                // A shim the interpreter pushes when C code calls into Python holds no Python code; the frame
                // above it is the first one that C-level call ran. The shim lives on that call's C stack, which
                // lets a native stack find the call even where the interpreter's binary does not name it.
                markLastAsEntry(frames, address);
                address = previous;
                continue;
            }
            long code = bytes.getLong(frame.code()) & ~frame.tagMask();
            boolean entry = frame.isEntry() >= 0 && bytes.get(frame.isEntry()) != 0;
            long instruction = bytes.getLong(frame.instruction());
            if (copies != null) {
                instruction = copies.inCodeObject(local, bytes, code, instruction);
            }
            frames.add(new RawFrame(address, code, instruction, entry));
            address = previous;
        }
        return new CollectedFrames(frames, countOuterFrames(local, address, guard), head);
    }

    @Override
    public Recheck recheck(ByteOrder order, long threadStateAddress, ByteBuffer threadState,
                           CollectedFrames copied) {
        long pointer = threadState.getLong(thread.frame());
        long field = threadStateAddress + thread.frame();
        // The current frame hangs off a C-level record in 3.11 and 3.12: both pointers must be the same again.
        long[] heads = thread.cframeFrame() < 0 || pointer == 0 ? new long[] {field, copied.head()}
                : new long[] {pointer + thread.cframeFrame(), copied.head(), field, pointer};
        return recheck.of(order, heads, copied);
    }

    private boolean isShim(ByteBuffer bytes) {
        return frame.ownerSkipFrom() >= 0 && (bytes.get(frame.owner()) & 0xFF) >= frame.ownerSkipFrom();
    }

    /**
     * Follows the links from {@code address}, the first frame not kept, counting the frames that hold code. Their
     * bytes are mostly in the chunks copied already, so this costs no system call for them.
     */
    private OuterFramesCut countOuterFrames(RemoteReader reader, long address, ChainGuard guard) {
        long count = 0;
        long visited = 0;
        while (address != 0) {
            if (count == depth.maxCounted() || visited == 2L * depth.maxCounted()) {
                return new OuterFramesCut(count, true);
            }
            guard.visit(address);
            visited++;
            ByteBuffer bytes = reader.transientStruct(address, frame.size());
            if (!isShim(bytes)) {
                count++;
            }
            address = bytes.getLong(frame.previous());
        }
        return count == 0 ? OuterFramesCut.NONE : new OuterFramesCut(count, false);
    }

    private static void markLastAsEntry(List<RawFrame> frames, long shim) {
        if (!frames.isEmpty()) {
            RawFrame last = frames.get(frames.size() - 1);
            frames.set(frames.size() - 1, new RawFrame(last.address(), last.code(), last.instruction(), true, shim));
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
