// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.CodeCache;
import dev.pyspy4j.python.walk.CodeInfo;
import dev.pyspy4j.python.walk.FrameLayout;
import dev.pyspy4j.python.walk.LocalsReader;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.python.PythonVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the asyncio tasks of a CPython 3.7+ process: a {@link TaskSource} finds the tasks (the registries of
 * {@code asyncio.tasks} up to 3.13, the lists the asyncio debug offsets describe from 3.14), each C task gives its
 * loop, state, name, coroutine and the future it waits for (see {@link TaskLayout}), and each coroutine's frame the
 * next coroutine it awaits. Every count and chain is bounded, so
 * that memory changing under the reader, or garbage, ends a read instead of looping.
 */
public final class AsyncioReader {
    /** The most tasks read; the rest are counted as skipped. */
    public static final int MAX_TASKS = 100_000;
    /** The deepest coroutine chain followed. */
    private static final int MAX_CHAIN = 1024;
    /** The slots of a running coroutine searched for the coroutine it runs. */
    private static final int RUNNING_SLOTS = 64;

    private final TaskMemory memory;
    private final ObjectReader objects;
    private final TaskSource source;
    private final CoroutineFrames coroutines;
    private final CodeCache codes;
    private final LocalsReader locals;
    private final int modulesOffset;
    private final int slotsOffset;
    private final long tagMask;
    /** Type names by type address, for the duration of one read. */
    private final Map<Long, String> typeNames = new HashMap<>();
    private final AwaitedObjects awaitedObjects;
    private final TaskTypes taskTypes;
    /** {@code sys.modules["asyncio.tasks"]} and each loop's {@code _thread_id}, remembered between reads. */
    private final RememberedLookups remembered;
    /** Finds a loop's thread from the threads' side, for loops without {@code _thread_id}; null where it cannot. */
    private final RunningLoops runningLoops;

    /**
     * @param modulesOffset offset of {@code sys.modules} in the interpreter state
     * @param slotsOffset   where a frame's local slots start, relative to the frame
     * @param tagMask       the tag bits of a frame slot (0 before 3.14)
     * @param runningLoops  finds the thread of a loop that has no {@code _thread_id}; null where it cannot
     * @param typeBase      offset of {@code tp_base} in a type object
     */
    AsyncioReader(TaskMemory memory, TaskSource source, CoroutineFrames coroutines, CodeCache codes,
                  LocalsReader locals, int modulesOffset, int slotsOffset, long tagMask, RunningLoops runningLoops,
                  int typeBase) {
        this.memory = memory;
        this.objects = memory.objects();
        this.source = source;
        this.coroutines = coroutines;
        this.codes = codes;
        this.locals = locals;
        this.modulesOffset = modulesOffset;
        this.slotsOffset = slotsOffset;
        this.tagMask = tagMask;
        this.taskTypes = new TaskTypes(objects, typeBase);
        this.awaitedObjects = new AwaitedObjects(objects, codes, typeNames, taskTypes, slotsOffset, tagMask);
        this.remembered = new RememberedLookups(objects);
        this.runningLoops = runningLoops;
    }

    /** Makes a reader once the interpreter reader has its code cache and locals reader. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param modulesOffset offset of {@code sys.modules} in the interpreter state
         */
        AsyncioReader create(CodeCache codes, LocalsReader locals, int modulesOffset);
    }

    /**
     * The reader of CPython 3.7-3.13, which finds tasks in the registries of {@code asyncio.tasks}; empty for other
     * versions.
     *
     * @param frames    how the version's thread walker reads an interpreter frame (3.11+); null before
     * @param codeStart where the bytecode starts in a code object
     */
    public static Optional<Factory> registryFactory(PythonVersion version, ObjectReader objects,
                                                    StructLayouts tables, FrameLayout frames, int codeStart) {
        if (version.major() != 3) {
            return Optional.empty();
        }
        int minor = version.minor();
        // A free-threaded build's object header is longer than the default 16 bytes, and moves every field after it.
        int headerExtra = objects.layout().headerSize() - 16;
        return TaskLayout.of(minor).map(layout -> (codes, locals, modulesOffset) -> {
            TaskMemory memory = TaskMemory.over(objects);
            RemoteReader remote = memory.objects().remote();
            TaskSource source = layout.afterHeader(headerExtra).registries(memory.objects(), minor);
            RunningLoops runningLoops = RunningLoops.of(minor, memory.objects(), tables).orElse(null);
            if (minor <= 10) {
                return new AsyncioReader(memory, source,
                        new FrameObjectCoroutines(remote, tables, minor == 10 ? 2 : 1), codes, locals,
                        modulesOffset, tables.offset("PyFrameObject.f_localsplus"), 0, runningLoops,
                        tables.offset("PyTypeObject.tp_base"));
            }
            int stackTop = tables.offset("_PyInterpreterFrame.stacktop");
            CoroutineFrames coroutines = minor == 11
                    ? InterpreterFrameCoroutines.v311(remote, frames, stackTop, codeStart)
                    : minor == 12 ? InterpreterFrameCoroutines.v312(remote, frames, stackTop, codeStart)
                    : InterpreterFrameCoroutines.v313(remote, frames, stackTop, codeStart, headerExtra);
            return new AsyncioReader(memory, source, coroutines, codes, locals, modulesOffset, frames.localsplus(),
                    frames.tagMask(), runningLoops, tables.offset("PyTypeObject.tp_base"));
        });
    }

    /**
     * The reader of CPython 3.14+, which finds tasks through the target's asyncio debug offsets.
     *
     * @param genFrameState {@code gi_frame_state} in a coroutine object, from the target's {@code _Py_DebugOffsets}
     * @param genFrame      {@code gi_iframe}, from the same
     */
    public static Factory debugOffsetsFactory(DiscoveredInterpreter found, ObjectReader objects,
                                              StructLayouts tables, FrameLayout frames, int codeStart,
                                              int genFrameState, int genFrame) {
        int minor = found.version().minor();
        return (codes, locals, modulesOffset) -> {
            TaskMemory memory = TaskMemory.over(objects);
            return new AsyncioReader(memory,
                    new LinkedTasks(memory.objects(), () -> AsyncioDebugSection.locate(found),
                            tables.offset("PyInterpreterState.threads.head"),
                            tables.offset("PyThreadState.next"), tables.offset("PyThreadState.thread_id")),
                    InterpreterFrameCoroutines.v314(memory.objects().remote(), frames, minor, genFrameState,
                            genFrame, tables.offset("_PyInterpreterFrame.stackpointer"), codeStart),
                    codes, locals, modulesOffset, frames.localsplus(), frames.tagMask(), null,
                    tables.offset("PyTypeObject.tp_base"));
        };
    }

    /** Reads every task of the interpreter at {@code interpreter}, with locals rendered within {@code budget}. */
    public AsyncioSnapshot read(long interpreter, int localsBudget) {
        memory.start();
        try {
            return readTasks(interpreter, localsBudget);
        } finally {
            memory.finish();
        }
    }

    private AsyncioSnapshot readTasks(long interpreter, int localsBudget) {
        typeNames.clear();
        taskTypes.clear();
        long modules = objects.remote().pointer(interpreter + modulesOffset);
        Optional<Long> module = remembered.lookup(modules, "asyncio.tasks");
        if (module.isEmpty()) {
            return AsyncioSnapshot.unavailable("asyncio is not imported: the program has no asyncio tasks");
        }
        FoundTasks found = source.find(interpreter, objects.moduleDict(module.get()));
        if (found.unavailable() != null) {
            return AsyncioSnapshot.unavailable(found.unavailable());
        }
        TaskLayout layout = found.layout();
        long skipped = found.skipped();
        Map<Long, List<AsyncioTask>> byLoop = new LinkedHashMap<>();
        for (long address : found.tasks()) {
            try {
                if (!taskTypes.isTask(address)) {
                    skipped++;
                    continue;
                }
                ByteBuffer task = objects.remote().struct(address, Math.max(layout.taskCoro(), layout.taskName()) + 8);
                long loop = task.getLong(layout.futureLoop());
                AsyncioTask read = task(layout, address, task, found.runningByLoop().get(loop), localsBudget);
                byLoop.computeIfAbsent(loop, key -> new ArrayList<>()).add(read);
            } catch (SpyException e) {
                // Freed or changing while read: counted, not shown.
                skipped++;
            }
        }
        List<AsyncioLoop> loops = new ArrayList<>();
        byLoop.forEach((loop, tasks) -> {
            Long thread = found.threadByLoop().get(loop);
            loops.add(new AsyncioLoop(loop, thread != null ? thread : threadOf(interpreter, loop), tasks));
        });
        return new AsyncioSnapshot(loops, skipped, null);
    }

    /**
     * The ident of the thread running {@code loop}; 0 when unknown. From {@code BaseEventLoop._thread_id} where the
     * loop has it; else, for loops of other kinds (uvloop's), from the thread whose state names it as its running
     * loop.
     */
    private long threadOf(long interpreter, long loop) {
        long ident = threadIdAttribute(loop);
        return ident != 0 || runningLoops == null ? ident : runningLoops.threadOf(interpreter, loop);
    }

    /**
     * {@code BaseEventLoop._thread_id}; 0 when the loop has none or it is not an int. Where the attribute is
     * remembered from an earlier read it is kept while it is an {@code int}: the loop sets it once when it starts
     * running and to None when it stops, so only a loop stopped and run again on another thread between two reads,
     * its old ident freed and another int made at the same address, could be taken for the old one.
     */
    private long threadIdAttribute(long loop) {
        try {
            Optional<Long> id = remembered.attribute(loop, "_thread_id");
            if (id.isEmpty() || !"int".equals(typeName(id.get()))) {
                return 0;
            }
            return objects.integer(id.get()).longValue();
        } catch (SpyException e) {
            return 0;
        }
    }

    private AsyncioTask task(TaskLayout layout, long address, ByteBuffer task, Long running, int localsBudget) {
        int state = task.getInt(layout.futureState());
        AsyncioTask.State taskState = running != null && running == address ? AsyncioTask.State.RUNNING
                : state == TaskLayout.PENDING ? AsyncioTask.State.PENDING : AsyncioTask.State.DONE;
        String name = layout.taskName() < 0 ? null : name(task.getLong(layout.taskName()));
        List<CoroutineFrame> chain = new ArrayList<>();
        List<Frame> stack = new ArrayList<>();
        if (taskState != AsyncioTask.State.DONE) {
            coroutineChain(task.getLong(layout.taskCoro()), chain, stack, localsBudget);
        }
        long waiter = task.getLong(layout.taskFutWaiter());
        AsyncioTask.Awaited awaits = taskState == AsyncioTask.State.PENDING && waiter != 0
                ? awaitedObjects.awaited(waiter, chain.isEmpty() ? null : chain.get(chain.size() - 1)) : null;
        return new AsyncioTask(address, name, taskState, stack, awaits);
    }

    /** A task's name: a {@code str}, or from 3.13 the number of a default name not yet formatted. */
    private String name(long name) {
        if (name == 0) {
            return null;
        }
        return "int".equals(typeName(name)) ? "Task-" + objects.integer(name) : objects.string(name);
    }

    private void coroutineChain(long coroutine, List<CoroutineFrame> chain, List<Frame> stack, int localsBudget) {
        Set<Long> seen = new HashSet<>();
        long current = coroutine;
        while (current != 0 && chain.size() < MAX_CHAIN && seen.add(current) && isCoroutine(current)) {
            CoroutineFrame frame = coroutines.read(current);
            if (frame == null || frame.status() == CoroutineFrame.Status.DONE) {
                return;
            }
            chain.add(frame);
            stack.add(frame(frame, localsBudget));
            current = frame.status() == CoroutineFrame.Status.EXECUTING ? runningChild(frame) : frame.awaited();
        }
    }

    private String typeName(long object) {
        return objects.typeName(object, typeNames);
    }

    private boolean isCoroutine(long object) {
        String type = typeName(object);
        return type.equals("coroutine") || type.equals("generator");
    }

    /**
     * The coroutine a running coroutine runs: one of its slots whose frame runs too and was resumed by it. A running
     * frame's stack top is not kept up to date, so its slots are searched rather than its top read.
     */
    private long runningChild(CoroutineFrame parent) {
        long[] slots;
        try {
            slots = coroutines.slots(parent, RUNNING_SLOTS);
        } catch (SpyException e) {
            return 0;
        }
        for (long slot : slots) {
            if (slot == 0 || (slot & 7) != 0) {
                continue;
            }
            try {
                if (isCoroutine(slot)) {
                    CoroutineFrame child = coroutines.read(slot);
                    if (child != null && child.status() == CoroutineFrame.Status.EXECUTING
                            && coroutines.caller(child) == parent.address()) {
                        return slot;
                    }
                }
            } catch (SpyException e) {
                // not an object: keep looking
            }
        }
        return 0;
    }

    private Frame frame(CoroutineFrame frame, int localsBudget) {
        CodeInfo code = codes.get(frame.code());
        int line = code.lineAt(frame.instructionOffset());
        List<LocalVariable> variables = localsBudget > 0 && locals != null
                ? locals.read(frame.address(), frame.code(), code, localsBudget) : null;
        return new Frame(code.name(), code.filename(), null, null, line, variables, false, false);
    }
}
