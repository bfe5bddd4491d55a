// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Objects;

/**
 * A {@link Sampler} run on a thread of its own, for commands whose own thread has other work ({@code top} draws
 * and reads keys). The sampling thread is the one that pauses the target, so it resumes it too: every sample ends
 * with the target running, and so does the run, however it ends. A failure of the run is handed to whoever awaits
 * it. Thread-safe.
 */
public final class SamplingThread {
    private final Thread thread;
    private volatile SamplingResult result;
    private volatile RuntimeException failure;
    private volatile Error error;

    private SamplingThread(Sampler sampler, SampleSource source, SampleConsumer consumer, StopSignal stop) {
        thread = new Thread(() -> run(sampler, source, consumer, stop), "pyspy4j-sampler");
    }

    /** Starts sampling {@code source} into {@code consumer} until the sampler's usual ends. */
    public static SamplingThread start(Sampler sampler, SampleSource source, SampleConsumer consumer,
                                       StopSignal stop) {
        SamplingThread sampling = new SamplingThread(Objects.requireNonNull(sampler, "sampler is null"),
                Objects.requireNonNull(source, "source is null"), Objects.requireNonNull(consumer,
                "consumer is null"), Objects.requireNonNull(stop, "stop is null"));
        sampling.thread.start();
        return sampling;
    }

    private void run(Sampler sampler, SampleSource source, SampleConsumer consumer, StopSignal stop) {
        try {
            result = sampler.run(source, consumer, stop);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            error = e;
        }
    }

    /** Whether the run has ended. */
    public boolean ended() {
        return !thread.isAlive();
    }

    /**
     * Waits for the end of the run (ask for it first with the stop signal) and returns how it went.
     *
     * @throws RuntimeException the run's own failure
     * @throws Error            the run's own error
     */
    public SamplingResult await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
