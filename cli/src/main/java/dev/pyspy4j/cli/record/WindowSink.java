// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.output.Recorder;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the windows of a recording go once {@link RecordingWindows} has cut them: numbered files beside the output
 * ({@code --period}, SIGUSR1) or profiles pushed to a server ({@code --pyroscope}).
 */
public interface WindowSink {
    /**
     * Called once, before any other method, with where to put what the sink has to say from other threads; it is
     * said later on the sampling thread.
     */
    default void open(Consumer<Runnable> report) {
    }

    /** A new, empty recorder for a window that starts now; called on the sampling thread. */
    Recorder newWindow();

    /** Why no window can be delivered at all, said once when one is due; empty when windows can be delivered. */
    Optional<String> refusal();

    /**
     * Delivers one finished window. Called on a thread of its own while sampling goes on (on the sampling thread
     * only for the first request of a recording without a period, whose window is the whole recording so far).
     *
     * @param window the finished window's stacks, never fed again
     * @param span   which window it is and what it holds
     * @param report takes what to say about it, which is said later on the sampling thread
     */
    void deliver(Recorder window, WindowSpan span, Consumer<Runnable> report);

    /**
     * Called once on the sampling thread at the end, after every window was delivered; may wait a bounded time
     * for deliveries still under way.
     *
     * @param report takes what to say, said at once afterwards
     */
    default void finish(Consumer<Runnable> report) {
    }
}
