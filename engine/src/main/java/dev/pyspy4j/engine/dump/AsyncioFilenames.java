// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;

/** Gives the frames of asyncio tasks the short file names the thread stacks get. */
final class AsyncioFilenames {
    private AsyncioFilenames() {
    }

    static AsyncioSnapshot shorten(AsyncioSnapshot snapshot, FilenameShortener names) {
        return new AsyncioSnapshot(snapshot.loops().stream()
                .map(loop -> new AsyncioLoop(loop.id(), loop.threadId(), loop.tasks().stream()
                        .map(task -> new AsyncioTask(task.id(), task.name(), task.state(),
                                task.coroutineStack().stream()
                                        .map(frame -> frame.withShortFilename(names.shorten(frame))).toList(),
                                task.awaits()))
                        .toList()))
                .toList(), snapshot.skipped(), snapshot.unavailable());
    }
}
