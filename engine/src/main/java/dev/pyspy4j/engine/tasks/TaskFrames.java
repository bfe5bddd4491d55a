// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.tasks;

import dev.pyspy4j.engine.trace.ProcessFrames;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import java.util.Locale;

/**
 * The pseudo-frame {@code --async-aware} puts at the root of a task's part of a stack, so that a flame graph groups
 * the samples of each task: {@code task <name>} ({@code task Task-3}, {@code task worker}), or
 * {@code task 0x7F12...} (its address) where the interpreter gives tasks no names (3.7). Like the thread
 * pseudo-frame it has no file and no line, so every format shows just the label. A name is the program's own
 * text, so it is escaped and cut as a process's command line is ({@link ProcessFrames#escape}): a {@code ;} or a
 * line break in it cannot split a collapsed-stack line.
 */
public final class TaskFrames {
    private TaskFrames() {
    }

    /** The label of a task's pseudo-frame. */
    public static String label(AsyncioTask task) {
        return task.name() != null ? "task " + ProcessFrames.escape(task.name())
                : "task 0x" + Long.toHexString(task.id()).toUpperCase(Locale.ROOT);
    }

    /** The pseudo-frame of {@code task}. */
    public static Frame of(AsyncioTask task) {
        return new Frame(label(task), "", null, "", 0, null, false, false);
    }
}
