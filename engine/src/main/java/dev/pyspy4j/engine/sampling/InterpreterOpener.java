// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import java.util.Objects;

/**
 * Attaches to a process and finds its interpreter, attempting again after the failures an {@link OpenPatience}
 * allows. Each attempt attaches afresh, so nothing learnt before the process exec'd Python is reused.
 */
public final class InterpreterOpener {
    private final ProcessAccessProvider access;
    private final PythonInterpreterProvider interpreters;
    private final Clock clock;

    public InterpreterOpener(ProcessAccessProvider access, PythonInterpreterProvider interpreters, Clock clock) {
        this.access = Objects.requireNonNull(access, "access is null");
        this.interpreters = Objects.requireNonNull(interpreters, "interpreters is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Opens process {@code pid}.
     *
     * @throws SpyException the last failure, once it is not worth retrying, patience ran out or {@code stop} was
     *                      requested
     */
    public OpenedProcess open(long pid, OpenPatience patience, StopSignal stop) {
        long start = clock.nanoTime();
        long giveUpAt = start + patience.nanos();
        while (true) {
            try {
                return attempt(pid);
            } catch (SpyException e) {
                long now = clock.nanoTime();
                if (!patience.retried().contains(e.kind()) || now >= giveUpAt || stop.requested()) {
                    throw e;
                }
                clock.sleepUntil(Math.min(giveUpAt, now + patience.spacingAfter(now - start)), stop);
            }
        }
    }

    private OpenedProcess attempt(long pid) {
        TargetProcess target = access.attach(pid);
        try {
            PythonInterpreter interpreter = interpreters.open(target);
            return new OpenedProcess(target, interpreter);
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
    }
}
