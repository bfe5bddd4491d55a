// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import java.util.List;
import java.util.Optional;

/**
 * Where the C accelerator ({@code Modules/_asynciomodule.c}) keeps a task's fields, and where {@code asyncio.tasks}
 * registers its tasks. {@code FutureObj} starts with {@code FutureObj_HEAD(fut)} and {@code TaskObj} with
 * {@code FutureObj_HEAD(task)}, then its own fields; on a 64-bit build:
 * <ul>
 *   <li>3.7: {@code PyObject_HEAD} (16), {@code loop} 16, {@code callback0} 24, {@code context0} 32,
 *       {@code callbacks} 40, {@code exception} 48, {@code result} 56, {@code source_tb} 64, {@code int state} 72,
 *       {@code log_tb} 76, {@code blocking} 80, {@code dict} 88, {@code weakreflist} 96 (104 bytes); then
 *       {@code task_fut_waiter} 104, {@code task_coro} 112, {@code task_context} 120 and two ints. No name.</li>
 *   <li>3.8: as 3.7, with {@code task_name} 120 after {@code task_coro}.</li>
 *   <li>3.9: {@code cancel_msg} 72 after {@code source_tb}, so {@code state} 80, {@code dict} 96,
 *       {@code weakreflist} 104 and a 4-pointer {@code _PyErr_StackItem cancelled_exc_state} 112 (144 bytes);
 *       {@code task_fut_waiter} 144, {@code task_coro} 152, {@code task_name} 160.</li>
 *   <li>3.10: {@code exception_tb} 56 after {@code exception}, so {@code state} 88 (152 bytes);
 *       {@code task_fut_waiter} 152, {@code task_coro} 160, {@code task_name} 168.</li>
 *   <li>3.11 and 3.12: {@code cancelled_exc_state} became one {@code PyObject *cancelled_exc} 120, {@code state}
 *       still 88 (128 bytes); {@code task_fut_waiter} 128, {@code task_coro} 136, {@code task_name} 144.</li>
 *   <li>3.13: {@code dict} and {@code weakreflist} left the struct (managed by the type), {@code cancelled_exc} 88,
 *       {@code state} 96 (104 bytes); the task's flags and {@code task_num_cancels_requested} come first (104-111),
 *       then {@code task_fut_waiter} 112, {@code task_coro} 120, {@code task_name} 128.</li>
 * </ul>
 * A free-threaded build's object header is 16 bytes longer (32: {@code ob_tid}, flags, {@code ob_ref_local},
 * {@code ob_ref_shared}, {@code ob_type}); the fields after it move by as much ({@link #afterHeader}).
 * {@code fut_state} is {@code PENDING} 0, {@code CANCELLED} 1, {@code FINISHED} 2 in every version.
 * Registries (Lib/asyncio/tasks.py, which the C module's {@code _register_task} feeds): 3.7-3.11 keep every task in
 * the {@code weakref.WeakSet} {@code _all_tasks}; 3.12 and 3.13 keep scheduled tasks in the WeakSet
 * {@code _scheduled_tasks} and eagerly started ones in the plain set {@code _eager_tasks}. {@code _current_tasks} maps
 * each loop to the task it runs now.
 *
 * @param futureLoop    {@code fut_loop}
 * @param futureState   {@code fut_state}
 * @param taskFutWaiter {@code task_fut_waiter}: the future the task waits for
 * @param taskCoro      {@code task_coro}
 * @param taskName      {@code task_name}; -1 where tasks have no name (3.7)
 */
record TaskLayout(int futureLoop, int futureState, int taskFutWaiter, int taskCoro, int taskName) {
    static final int PENDING = 0;

    /** The layout of CPython 3.{@code minor}; empty for versions whose tasks are not read this way. */
    static Optional<TaskLayout> of(int minor) {
        return Optional.ofNullable(switch (minor) {
            case 7 -> new TaskLayout(16, 72, 104, 112, -1);
            case 8 -> new TaskLayout(16, 72, 104, 112, 120);
            case 9 -> new TaskLayout(16, 80, 144, 152, 160);
            case 10 -> new TaskLayout(16, 88, 152, 160, 168);
            case 11 -> new TaskLayout(16, 88, 128, 136, 144);
            case 12 -> new TaskLayout(16, 88, 128, 136, 144);
            case 13 -> new TaskLayout(16, 96, 112, 120, 128);
            default -> null;
        });
    }

    /** This layout for objects whose header is {@code extra} bytes longer than the default build's 16. */
    TaskLayout afterHeader(int extra) {
        return new TaskLayout(futureLoop + extra, futureState + extra, taskFutWaiter + extra, taskCoro + extra,
                taskName < 0 ? taskName : taskName + extra);
    }

    /** The registries of CPython 3.{@code minor} (3.7-3.13), which hold every task. */
    RegistryTasks registries(ObjectReader objects, int minor) {
        return minor <= 11 ? new RegistryTasks(objects, List.of("_all_tasks"), List.of(), this)
                : new RegistryTasks(objects, List.of("_scheduled_tasks"), List.of("_eager_tasks"), this);
    }
}
