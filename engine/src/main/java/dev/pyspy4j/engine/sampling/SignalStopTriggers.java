// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM stop sampling instead of the JVM, so that the run ends normally and writes its output
 * ({@code sun.misc.Signal}, module jdk.unsupported: the JDK's only way to handle a signal). The JVM installs nothing
 * for a signal ignored when it asks, and pyspy4j started as a background job of a shell script inherits SIGINT
 * ignored; so the OS provider first gives an ignored SIGINT or SIGTERM its default disposition back. A shutdown hook
 * covers what the handlers cannot (SIGHUP, a JVM run with {@code -Xrs}): it stops sampling and holds the JVM until
 * the run has finished writing, for a bounded time.
 */
final class SignalStopTriggers implements StopTriggers.Armed {
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final List<Installed> installed = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread shutdownHook;

    private SignalStopTriggers(StopSignal stop) {
        restoreDefaultStopSignals();
        handle("INT", stop, StopReason.INTERRUPTED);
        handle("TERM", stop, StopReason.TERMINATED);
        shutdownHook = new Thread(() -> stopAndAwaitFinish(stop), "pyspy4j-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static StopTriggers.Armed arm(StopSignal stop) {
        return new SignalStopTriggers(stop);
    }

    /**
     * Through the OS provider, as the engine calls no native code itself; best effort, as nothing else depends on
     * it. Serialised, so that a restore on a background thread cannot reset a signal after a handler was installed.
     */
    static synchronized void restoreDefaultStopSignals() {
        try {
            ProviderRegistry.load(ProcessAccessProvider.class, SignalStopTriggers.class.getClassLoader())
                    .supported(Platform.current())
                    .forEach(ProcessAccessProvider::restoreDefaultStopSignals);
        } catch (RuntimeException | LinkageError unavailable) {
            // Without native access the signals keep the disposition they came with; the shutdown hook remains.
        }
    }

    private void handle(String name, StopSignal stop, StopReason reason) {
        Signal signal = new Signal(name);
        try {
            installed.add(new Installed(signal, Signal.handle(signal, caught -> stop.request(reason))));
        } catch (IllegalArgumentException inUse) {
            // The JVM reserves the signal (e.g. with -Xrs): nothing to install; the shutdown hook still stops the run.
        }
    }

    private void stopAndAwaitFinish(StopSignal stop) {
        stop.request(StopReason.SHUTDOWN);
        try {
            finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        for (Installed handler : installed) {
            Signal.handle(handler.signal(), handler.previous());
        }
        installed.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running; it returns now that the run has finished, and the JVM ends with it.
        }
    }

    /** A handler we installed and the one it replaced. */
    private record Installed(Signal signal, SignalHandler previous) {
    }
}
