// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.spi.SpyException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which thread runs an event loop, found from the thread's side: every loop that runs, asyncio's and others such as
 * uvloop's (whose loops have no {@code _thread_id} attribute to read), registers itself as its thread's running
 * loop. CPython 3.7-3.12 keep it in the thread state's dict under {@value #KEY} (up to 3.11 inside a
 * {@code _RunningLoopHolder}, in 3.12 the loop itself); 3.13 in a field right after the public thread state.
 */
final class RunningLoops {
    static final String KEY = "__asyncio_running_event_loop__";
    private static final String HOLDER_TYPE = "_RunningLoopHolder";
    /** {@code rl_loop}, the first field after a holder's object header. */
    private static final int HOLDER_LOOP = 16;

    /** Where a thread state keeps its running loop. */
    private enum Place {
        HOLDER_IN_DICT, LOOP_IN_DICT, FIELD_AFTER_STATE
    }

    private final ObjectReader objects;
    private final RemoteReader remote;
    private final Place place;
    private final int threadsHead;
    private final int threadNext;
    private final int threadId;
    /** The thread state's dict, or the field after the state, as {@link #place} says. */
    private final int loopOffset;
    private final Map<Long, String> typeNames = new HashMap<>();

    private RunningLoops(ObjectReader objects, StructLayouts tables, Place place, String threadsHead) {
        this.objects = objects;
        this.remote = objects.remote();
        this.place = place;
        this.threadsHead = tables.offset(threadsHead);
        this.threadNext = tables.offset("PyThreadState.next");
        this.threadId = tables.offset("PyThreadState.thread_id");
        // _PyThreadStateImpl: the public PyThreadState, then asyncio_running_loop.
        this.loopOffset = place == Place.FIELD_AFTER_STATE ? tables.size("PyThreadState")
                : tables.offset("PyThreadState.dict");
    }

    /** The finder for CPython 3.{@code minor}; empty where thread states are not read this way. */
    static Optional<RunningLoops> of(int minor, ObjectReader objects, StructLayouts tables) {
        if (minor < 7 || minor > 13) {
            return Optional.empty();
        }
        Place place = minor <= 11 ? Place.HOLDER_IN_DICT : minor == 12 ? Place.LOOP_IN_DICT : Place.FIELD_AFTER_STATE;
        return Optional.of(new RunningLoops(objects, tables, place,
                minor <= 10 ? "PyInterpreterState.tstate_head" : "PyInterpreterState.threads.head"));
    }

    /**
     * The ident ({@code threading.get_ident()}) of the thread of {@code interpreter} whose running loop is
     * {@code loop}; 0 when no thread runs it or it cannot be read.
     */
    long threadOf(long interpreter, long loop) {
        try {
            long thread = remote.pointer(interpreter + threadsHead);
            for (int i = 0; thread != 0 && i < ThreadStateCollector.MAX_THREADS; i++) {
                if (runningLoop(thread) == loop) {
                    return remote.pointer(thread + threadId);
                }
                thread = remote.pointer(thread + threadNext);
            }
        } catch (SpyException e) {
            // Threads ending while read: the loop's thread stays unknown this time.
        }
        return 0;
    }

    /** The loop running in the thread whose state is at {@code thread}; 0 for none. */
    private long runningLoop(long thread) {
        long pointer = remote.pointer(thread + loopOffset);
        if (place == Place.FIELD_AFTER_STATE || pointer == 0) {
            return pointer;
        }
        Optional<Long> value = objects.lookup(pointer, KEY);
        if (value.isEmpty() || place == Place.LOOP_IN_DICT) {
            return value.orElse(0L);
        }
        return HOLDER_TYPE.equals(objects.typeName(value.get(), typeNames))
                ? remote.pointer(value.get() + HOLDER_LOOP) : 0;
    }
}
