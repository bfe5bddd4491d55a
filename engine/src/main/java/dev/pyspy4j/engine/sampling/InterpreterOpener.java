// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.Objects;
import java.util.function.Supplier;

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
        return retrying(patience, stop, () -> attempt(pid));
    }

    /**
     * Opens a program that has just been started without letting it run ahead of the search: it is paused while
     * each attempt looks for its interpreter and runs only in the waits between attempts. In a cold JVM the first
     * attempt that sees libpython takes a good part of a second, longer than many short scripts run; held so, the
     * program has run only a few milliseconds more by the time its interpreter is found, and its first line of
     * Python is still to come. The process is attached once and kept while it runs the same program, so that a
     * binary parsed by one attempt is not parsed again by the next.
     *
     * <p>The program is returned still paused ({@link OpenedProcess#held}): whatever the caller sets up before its
     * first sample (probes, native unwinding, output) takes a busy machine tens of milliseconds, which a short
     * script would otherwise spend unsampled. Only the calling thread can let it go (a pause belongs to the thread
     * that made it).
     *
     * @throws SpyException as {@link #open}; PERMISSION_DENIED when it cannot be paused
     */
    public OpenedProcess openHolding(long pid, OpenPatience patience, StopSignal stop) {
        HeldProcess held = new HeldProcess(pid);
        try {
            return retrying(patience, stop, held::attempt);
        } finally {
            held.closeUnlessOpened();
        }
    }

    private OpenedProcess retrying(OpenPatience patience, StopSignal stop, Supplier<OpenedProcess> attempt) {
        long start = clock.nanoTime();
        long giveUpAt = start + patience.nanos();
        while (true) {
            try {
                return attempt.get();
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

    /** The process of {@link #openHolding}, attached afresh only once it runs another program. */
    private final class HeldProcess {
        private final long pid;
        private TargetProcess target;
        private Fingerprint fingerprint;
        private boolean opened;

        HeldProcess(long pid) {
            this.pid = pid;
        }

        OpenedProcess attempt() {
            attachToCurrentProgram();
            PauseHandle paused = target.pause();
            try {
                PythonInterpreter interpreter = interpreters.open(target);
                readOnce(interpreter);
                opened = true;
                return new OpenedProcess(target, interpreter, paused);
            } catch (RuntimeException | Error e) {
                paused.close();
                throw e;
            }
        }

        /**
         * Reads the stacks once, for nothing but to load and run that code while the program is still held (it is
         * paused, so the read asks for no pause of its own): in a cold JVM the first sample takes longer than the
         * first tenth of a second of a program, which would otherwise run unsampled. A program still starting up
         * may not be readable yet; the samples that count say so if it stays that way.
         */
        private void readOnce(PythonInterpreter interpreter) {
            try {
                interpreter.sample(SampleRequest.stacks(false, null));
            } catch (SpyException e) {
                // Nothing was kept of this read.
            }
        }

        /** What was learnt of the program it ran before an exec no longer holds. */
        private void attachToCurrentProgram() {
            if (target != null && Fingerprint.of(target).equals(fingerprint)) {
                return;
            }
            closeUnlessOpened();
            target = access.attach(pid);
            fingerprint = Fingerprint.of(target);
        }

        void closeUnlessOpened() {
            if (target != null && !opened) {
                target.close();
                target = null;
            }
        }
    }
}
