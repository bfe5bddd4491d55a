// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;

/**
 * CPython 3.14+'s {@code _Py_AsyncioModuleDebugOffsets} (Modules/_asynciomodule.c, in the section
 * {@code .AsyncioDebug} of the {@code _asyncio} extension module, or of the interpreter's binary where the module is
 * built in): thirteen {@code uint64_t}s, {@code asyncio_task_object} {size, task_name, task_awaited_by,
 * task_is_task, task_awaited_by_is_set, task_coro, task_node}, {@code asyncio_interpreter_state} {size,
 * asyncio_tasks_head} and {@code asyncio_thread_state} {size, asyncio_running_loop, asyncio_running_task,
 * asyncio_tasks_head}.
 * <p>They do not place {@code fut_loop}, {@code fut_state} nor {@code task_fut_waiter}; those follow from the shape
 * of {@code FutureObj_HEAD} and {@code TaskObj}, unchanged in 3.14 and 3.15: {@code fut_loop} is the first field after
 * the object header, the {@code fut_state} enum the 4 bytes right before {@code fut_is_task}, and
 * {@code task_fut_waiter} the pointer right before {@code task_coro}.
 */
record AsyncioDebugOffsets(int taskSize, int taskName, int taskIsTask, int taskCoro, int taskNode,
                           int interpreterTasksHead, int threadRunningLoop, int threadRunningTask,
                           int threadTasksHead) {
    static final int SIZE = 13 * 8;
    /** Offsets beyond this are garbage, not a field of a task or a thread state. */
    private static final long MAX_OFFSET = 1 << 24;
    /** A task's first field after {@code PyObject_HEAD} and {@code fut_loop}. */
    private static final long FIRST_TASK_FIELD = 24;

    /**
     * Parses the struct. Values no real struct has are refused: a field must lie inside its struct, and a task's
     * pointers after its object header and {@code fut_loop}, so that the fields derived from them do too.
     */
    static AsyncioDebugOffsets parse(ByteBuffer raw) {
        long[] v = new long[13];
        for (int i = 0; i < v.length; i++) {
            v[i] = raw.getLong(i * 8);
            if (v[i] < 0 || v[i] > MAX_OFFSET) {
                throw implausible("value " + v[i]);
            }
        }
        long task = v[0];
        for (int pointer : new int[] {1, 2, 5, 6}) {
            inside(v[pointer], FIRST_TASK_FIELD, task - 8);
        }
        for (int flag : new int[] {3, 4}) {
            inside(v[flag], FIRST_TASK_FIELD + 8, task - 1);
        }
        inside(v[8], 0, v[7] - 8);
        for (int field = 10; field <= 12; field++) {
            inside(v[field], 0, v[9] - 8);
        }
        return new AsyncioDebugOffsets((int) task, (int) v[1], (int) v[3], (int) v[5], (int) v[6], (int) v[8],
                (int) v[10], (int) v[11], (int) v[12]);
    }

    private static void inside(long offset, long low, long high) {
        if (offset < low || offset > high) {
            throw implausible("offset " + offset + " outside " + low + ".." + high);
        }
    }

    private static SpyException implausible(String what) {
        return new SpyException(FailureKind.MEMORY_READ, "implausible asyncio debug offsets: " + what);
    }

    static AsyncioDebugOffsets read(RemoteReader reader, long address) {
        return parse(reader.struct(address, SIZE));
    }

    /** The task layout these offsets imply (see the class comment). */
    TaskLayout taskLayout() {
        return new TaskLayout(16, taskIsTask - 4, taskCoro - 8, taskCoro, taskName);
    }
}
