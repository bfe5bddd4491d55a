// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task view of {@code dump --asyncio}: a tree of tasks awaiting tasks, whatever shape the awaits take. */
class AsyncioTextRendererTest {
    private static final StackTrace MAIN = new StackTrace(31, 0x7F00L, "MainThread", 31, true, true, List.of(), null);

    @Test
    void awaitedTasksHangUnderTheirAwaiterAndTheRunningTaskComesFirst() {
        AsyncioTask child = task(0x20, "child", AsyncioTask.State.PENDING,
                new AsyncioTask.Awaited(AsyncioTask.Kind.FUTURE, 0x90, List.of()), "leaf");
        AsyncioTask parent = task(0x10, "parent", AsyncioTask.State.PENDING,
                new AsyncioTask.Awaited(AsyncioTask.Kind.GATHER, 0x80, List.of(0x20L)), "gatherer");
        AsyncioTask running = task(0x30, "main", AsyncioTask.State.RUNNING, null, "main");

        String text = render(new AsyncioSnapshot(List.of(new AsyncioLoop(0x40, 0x7F00L,
                List.of(child, parent, running))), 0, null));

        assertThat(text).isEqualTo(String.join("\n", "",
                "Event loop 0x40 in Thread 31: 3 tasks",
                "  Task 0x30 \"main\" (running)",
                "      main (app.py:1)",
                "  Task 0x10 \"parent\" (pending) awaits gather 0x80 of 1 task",
                "      gatherer (app.py:1)",
                "    Task 0x20 \"child\" (pending) awaits a future 0x90",
                "        leaf (app.py:1)",
                ""));
    }

    @Test
    void tasksAwaitingEachOtherInACycleAreEachWrittenOnce() {
        AsyncioTask a = task(0x10, "a", AsyncioTask.State.PENDING,
                new AsyncioTask.Awaited(AsyncioTask.Kind.TASK, 0x20, List.of(0x20L)), "f");
        AsyncioTask b = task(0x20, "b", AsyncioTask.State.PENDING,
                new AsyncioTask.Awaited(AsyncioTask.Kind.TASK, 0x10, List.of(0x10L)), "g");

        String text = render(new AsyncioSnapshot(List.of(new AsyncioLoop(0x40, 0, List.of(a, b))), 2, null));

        assertThat(text).isEqualTo(String.join("\n", "",
                "Event loop 0x40 in an unknown thread: 2 tasks",
                "  Task 0x10 \"a\" (pending) awaits task 0x20",
                "      f (app.py:1)",
                "    Task 0x20 \"b\" (pending) awaits task 0x10",
                "        g (app.py:1)",
                "      Task 0x10 \"a\" (pending) (shown above)",
                "Asyncio: 2 tasks skipped (unreadable, or beyond the bound on tasks read)",
                ""));
    }

    @Test
    void noTasksAndUnavailableTasksAreOneLine() {
        assertThat(render(new AsyncioSnapshot(List.of(), 0, null))).isEqualTo("\nAsyncio: no tasks\n");
        assertThat(render(AsyncioSnapshot.unavailable("why"))).isEqualTo("\nAsyncio: why\n");
    }

    private static AsyncioTask task(long id, String name, AsyncioTask.State state, AsyncioTask.Awaited awaits,
                                    String function) {
        return new AsyncioTask(id, name, state, List.of(Frame.python(function, "app.py", 1)), awaits);
    }

    private static String render(AsyncioSnapshot tasks) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        new AsyncioTextRenderer(Palette.PLAIN, out).render(tasks, List.of(MAIN));
        out.flush();
        return text.toString();
    }
}
