// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the asyncio tasks after the thread stacks ({@code dump --asyncio}): per event loop, the tree of tasks
 * awaiting tasks, each task with its state, what it awaits and its coroutine stack, outermost coroutine first and
 * innermost last. A task awaited by several is written in full once and referred to after that.
 */
final class AsyncioTextRenderer {
    private static final String INDENT = "  ";

    private final Palette palette;
    private final PrintWriter out;

    AsyncioTextRenderer(Palette palette, PrintWriter out) {
        this.palette = palette;
        this.out = out;
    }

    void render(AsyncioSnapshot tasks, List<StackTrace> threads) {
        line("");
        if (tasks.unavailable() != null) {
            line("Asyncio: " + tasks.unavailable());
            return;
        }
        if (tasks.loops().isEmpty()) {
            line("Asyncio: no tasks" + skipped(tasks.skipped()));
            return;
        }
        for (AsyncioLoop loop : tasks.loops()) {
            renderLoop(loop, threads);
        }
        if (tasks.skipped() > 0) {
            line("Asyncio: " + tasks.skipped() + " task" + (tasks.skipped() == 1 ? "" : "s")
                    + " skipped (unreadable, or beyond the bound on tasks read)");
        }
    }

    private static String skipped(long count) {
        return count == 0 ? "" : " (" + count + " skipped: unreadable or beyond the bound on tasks read)";
    }

    private void renderLoop(AsyncioLoop loop, List<StackTrace> threads) {
        int count = loop.tasks().size();
        line("Event loop " + palette.id(hex(loop.id())) + " in " + thread(loop.threadId(), threads) + ": " + count
                + " task" + (count == 1 ? "" : "s"));
        AsyncioTree tree = new AsyncioTree(loop);
        Set<Long> shown = new HashSet<>();
        for (AsyncioTask root : tree.roots()) {
            renderTask(tree, root, 1, shown);
        }
        // Tasks awaiting each other in a cycle have no root: written on their own, so that none is lost.
        for (AsyncioTask task : loop.tasks()) {
            if (!shown.contains(task.id())) {
                renderTask(tree, task, 1, shown);
            }
        }
    }

    private void renderTask(AsyncioTree tree, AsyncioTask task, int depth, Set<Long> shown) {
        String indent = INDENT.repeat(depth);
        String title = "Task " + palette.id(hex(task.id())) + (task.name() == null ? "" : " \"" + task.name() + "\"")
                + " (" + task.state().label() + ")";
        if (!shown.add(task.id())) {
            line(indent + title + " (shown above)");
            return;
        }
        line(indent + title + awaits(task));
        for (Frame frame : task.coroutineStack()) {
            String location = palette.file(frame.displayFilename())
                    + (frame.line() != 0 ? ":" + palette.line(Integer.toString(frame.line())) : "");
            line(indent + "    " + palette.function(frame.name()) + " (" + location + ")");
            if (frame.locals() != null) {
                TextDumpRenderer.renderLocals(palette, indent, frame.locals(), out);
            }
        }
        for (AsyncioTask child : tree.childrenOf(task)) {
            renderTask(tree, child, depth + 1, shown);
        }
    }

    private String awaits(AsyncioTask task) {
        AsyncioTask.Awaited awaits = task.awaits();
        if (awaits == null) {
            return "";
        }
        return switch (awaits.kind()) {
            case TASK -> " awaits task " + hex(awaits.id());
            case FUTURE -> " awaits a future " + hex(awaits.id());
            default -> " awaits " + awaits.kind().label() + " " + hex(awaits.id()) + " of " + awaits.tasks().size()
                    + " task" + (awaits.tasks().size() == 1 ? "" : "s");
        };
    }

    /** The thread a loop runs in, named as the thread stacks above name it. */
    private String thread(long ident, List<StackTrace> threads) {
        if (ident == 0) {
            return "an unknown thread";
        }
        for (StackTrace trace : threads) {
            if (trace.threadId() == ident) {
                return "Thread " + palette.id(TextDumpRenderer.threadId(trace));
            }
        }
        return "thread ident " + Long.toUnsignedString(ident);
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private void line(String text) {
        out.print(text);
        out.print('\n');
    }
}
