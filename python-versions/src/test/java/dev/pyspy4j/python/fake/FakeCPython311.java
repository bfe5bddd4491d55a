// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.fake;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.spi.TargetArch;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole fake CPython 3.11 process image: {@code _PyRuntime}, the interpreter, thread states whose frames live
 * in data-stack chunks (or outside them, like a generator's), code objects with location tables, the GIL holder
 * and {@code threading._active} with named {@code Thread} objects.
 */
public final class FakeCPython311 {
    public static final long RUNTIME = 0x7000_0000L;
    public static final long PY_VERSION = 0x7100_0000L;
    private static final long MANAGED_DICT = 1 << 4;

    private final FakeHeap heap;
    private final StructLayouts t;
    private final List<FakeThread> threads = new ArrayList<>();
    private long gilHolderThreadId;

    /** A frame to place: its code object and the code unit it executes. */
    public record FrameSpec(long code, int unit, boolean entry, boolean outsideChunk) {
    }

    /** A thread: ids, an optional {@code threading} name, frames leaf first. */
    public record FakeThread(long threadId, long nativeId, String name, List<FrameSpec> frames) {
    }

    public FakeCPython311() {
        this.t = StructLayouts.load(TargetArch.X86_64, "3.11");
        this.heap = new FakeHeap(t);
    }

    public FakeHeap heap() {
        return heap;
    }

    /** A code object whose bytecode has the given ranges of {@code (units, line)}. */
    public long code(String name, String filename, int firstLine, int[]... unitsAndLines) {
        LocationTableWriter table = new LocationTableWriter(firstLine);
        int units = 0;
        for (int[] range : unitsAndLines) {
            table.range(range[0], range[1]);
            units += range[0];
        }
        int start = t.offset("PyCodeObject.co_code_adaptive");
        ByteBuffer c = heap.buffer(start + units * 2);
        c.putLong(t.offset("PyObject.ob_type"), heap.codeType());
        c.putLong(t.offset("PyCodeObject.co_filename"), heap.str(filename));
        c.putLong(t.offset("PyCodeObject.co_name"), heap.str(name));
        c.putInt(t.offset("PyCodeObject.co_firstlineno"), firstLine);
        c.putLong(t.offset("PyCodeObject.co_linetable"), heap.bytes(table.toBytes()));
        return heap.place(c);
    }

    public FakeCPython311 thread(long threadId, long nativeId, String name, FrameSpec... leafFirst) {
        threads.add(new FakeThread(threadId, nativeId, name, List.of(leafFirst)));
        return this;
    }

    public FakeCPython311 gilHeldBy(long threadId) {
        this.gilHolderThreadId = threadId;
        return this;
    }

    /** Lays everything out; returns the memory. Threads are listed newest first, as CPython links them. */
    public FakeHeap build() {
        long interpreter = heap.allocate(t.size("PyThreadState") * 4);
        long holder = 0;
        long nextState = 0;
        for (FakeThread thread : threads) {
            long state = threadState(thread, interpreter, nextState);
            if (thread.threadId() == gilHolderThreadId) {
                holder = state;
            }
            nextState = state;
        }
        ByteBuffer interp = heap.buffer(t.size("PyThreadState") * 4);
        interp.putLong(t.offset("PyInterpreterState.threads.head"), nextState);
        interp.putLong(t.offset("PyInterpreterState.modules"), sysModules());
        heap.placeAt(interpreter, interp);
        ByteBuffer runtime = heap.buffer(t.offset("_PyRuntimeState.gilstate.tstate_current") + 8);
        runtime.putLong(t.offset("_PyRuntimeState.interpreters.head"), interpreter);
        runtime.putLong(t.offset("_PyRuntimeState.gilstate.tstate_current"), holder);
        heap.placeAt(RUNTIME, runtime);
        heap.memory().putLong(PY_VERSION, 0x030b07f0L);
        return heap;
    }

    private long threadState(FakeThread thread, long interpreter, long next) {
        int frameSize = t.size("_PyInterpreterFrame");
        int data = t.offset("_PyStackChunk.data");
        int chunkSize = data + frameSize * thread.frames().size();
        long chunk = heap.allocate(chunkSize);
        ByteBuffer chunkBytes = heap.buffer(chunkSize);
        chunkBytes.putLong(t.offset("_PyStackChunk.size"), chunkSize);
        // Outer frames first in the chunk, as the interpreter pushes them; each links to its caller.
        long previous = 0;
        for (int i = thread.frames().size() - 1; i >= 0; i--) {
            FrameSpec spec = thread.frames().get(i);
            ByteBuffer frame = heap.buffer(frameSize);
            frame.putLong(t.offset("_PyInterpreterFrame.f_code"), spec.code());
            frame.putLong(t.offset("_PyInterpreterFrame.previous"), previous);
            frame.putLong(t.offset("_PyInterpreterFrame.prev_instr"),
                    spec.code() + t.offset("PyCodeObject.co_code_adaptive") + spec.unit() * 2L);
            frame.put(t.offset("_PyInterpreterFrame.is_entry"), (byte) (spec.entry() ? 1 : 0));
            long address;
            if (spec.outsideChunk()) {
                address = heap.place(frame);
            } else {
                int slot = thread.frames().size() - 1 - i;
                address = chunk + data + (long) slot * frameSize;
                chunkBytes.put(data + slot * frameSize, frame.array());
            }
            previous = address;
        }
        heap.placeAt(chunk, chunkBytes);
        ByteBuffer cframe = heap.buffer(16);
        cframe.putLong(t.offset("_PyCFrame.current_frame"), previous);
        long cframeAddress = heap.place(cframe);
        ByteBuffer state = heap.buffer(t.size("PyThreadState"));
        state.putLong(t.offset("PyThreadState.next"), next);
        state.putLong(t.offset("PyThreadState.interp"), interpreter);
        state.putLong(t.offset("PyThreadState.cframe"), cframeAddress);
        state.putLong(t.offset("PyThreadState.thread_id"), thread.threadId());
        state.putLong(t.offset("PyThreadState.native_thread_id"), thread.nativeId());
        state.putLong(t.offset("PyThreadState.datastack_chunk"), chunk);
        state.putLong(t.offset("PyThreadState.datastack_top"), chunk + chunkSize);
        return heap.place(state);
    }

    /** {@code sys.modules} with a {@code threading} module whose {@code _active} names the named threads. */
    private long sysModules() {
        long instanceKeys = heap.keys(List.of(heap.str("_target"), heap.str("_name")), null, null);
        long threadType = heap.type("Thread", MANAGED_DICT, 0, instanceKeys);
        Map<Long, Long> active = new LinkedHashMap<>();
        boolean useValuesOnly = true;
        for (FakeThread thread : threads) {
            if (thread.name() != null) {
                active.put(heap.integer(new BigInteger(Long.toUnsignedString(thread.threadId()))),
                        threadObject(threadType, thread.name(), useValuesOnly));
                useValuesOnly = !useValuesOnly;
            }
        }
        long activeDict = heap.dict(active, false);
        long threadingDict = heap.dict(Map.of(heap.str("_active"), activeDict), true);
        return heap.dict(Map.of(heap.str("threading"), heap.module(threadingDict)), true);
    }

    /** A Thread instance: 3.11 keeps its attributes before the header, as a values array or a dict. */
    private long threadObject(long type, String name, boolean valuesOnly) {
        ByteBuffer object = heap.buffer(32 + 16);
        long nameObject = heap.str(name);
        if (valuesOnly) {
            ByteBuffer values = heap.buffer(16);
            values.putLong(0, heap.str("target"));
            values.putLong(8, nameObject);
            object.putLong(0, heap.place(values));
        } else {
            object.putLong(8, heap.dict(Map.of(heap.str("_name"), nameObject), true));
        }
        object.putLong(32 + t.offset("PyObject.ob_type"), type);
        return heap.place(object) + 32;
    }
}
