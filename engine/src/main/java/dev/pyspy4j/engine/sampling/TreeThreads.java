// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a process tree works on besides the sampler's: one that opens new processes, and up to
 * {@value #READERS} that read processes side by side at each tick (see {@link ParallelReads}). Daemon threads, so
 * that they never keep the JVM alive; {@link #shutdown()} lets running work finish and starts none.
 */
final class TreeThreads {
    /** The readers' limit: py-spy gives every process a thread; past this many, processes wait their turn. */
    static final int READERS = 16;

    private final Executor opening;
    private final Executor reading;
    private final Runnable shutdown;

    private TreeThreads(Executor opening, Executor reading, Runnable shutdown) {
        this.opening = opening;
        this.reading = reading;
        this.shutdown = shutdown;
    }

    /** Threads of their own, started as work comes. */
    static TreeThreads started() {
        ExecutorService opener = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("pyspy4j-subprocess-opener"));
        ExecutorService readers = new ThreadPoolExecutor(READERS, READERS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("pyspy4j-subprocess-reader"));
        return new TreeThreads(opener, readers, () -> {
            opener.shutdown();
            readers.shutdown();
        });
    }

    /** Everything on the caller's thread, at once: for tests, whose fakes answer without delay. */
    static TreeThreads callers() {
        return of(Runnable::run, Runnable::run);
    }

    /** The executors given, which whoever made them shuts down. */
    static TreeThreads of(Executor opening, Executor reading) {
        return new TreeThreads(opening, reading, () -> { });
    }

    Executor opening() {
        return opening;
    }

    Executor reading() {
        return reading;
    }

    void shutdown() {
        shutdown.run();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
