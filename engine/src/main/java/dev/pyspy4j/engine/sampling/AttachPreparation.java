// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.process.ProcessAccessProvider;

/**
 * The start-up work of reading a live process that needs no process, done on a background thread while the
 * command line is parsed: a cold JVM spends tens of milliseconds loading the native-access library and linking
 * the classes of a first attach, which would otherwise all run after parsing, on the command's own thread.
 */
public final class AttachPreparation {
    private AttachPreparation() {
    }

    /**
     * Starts the preparation without waiting for it. With {@code restoreStopSignals}, it first gives SIGINT and
     * SIGTERM back their default disposition where this process started with them ignored (what arming the stop
     * triggers does too; done early, no signal sent while the command line is parsed is lost).
     */
    public static void startInBackground(boolean restoreStopSignals) {
        Thread thread = new Thread(new Runnable() {
            // A class rather than a lambda: linking a lambda's call site is itself start-up work.
            @Override
            public void run() {
                prepare(restoreStopSignals);
            }
        }, "pyspy4j-prepare-attach");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare(boolean restoreStopSignals) {
        if (restoreStopSignals) {
            SignalStopTriggers.restoreDefaultStopSignals();
        }
        try {
            ProviderRegistry.load(ProcessAccessProvider.class, AttachPreparation.class.getClassLoader())
                    .supported(Platform.current())
                    .forEach(ProcessAccessProvider::prepare);
        } catch (RuntimeException | LinkageError unavailable) {
            // Only a head start: the command's own attach does the same work and reports what fails.
        }
    }
}
