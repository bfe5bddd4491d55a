// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.AmdRegisters;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A process stopped by PT_ATTACH, which stops every thread at once. The threads it stopped are listed with
 * PT_GETNUMLWPS and PT_GETLWPLIST, their registers read with PT_GETREGS, both only while it is stopped.
 */
final class FreeBsdPauseHandle implements PauseHandle {
    private final FreeBsdCalls calls;
    private final int pid;
    private final Tracer tracer;
    private final Failures failures;
    private List<Long> stopped;
    private boolean closed;

    /** Stops the process; the caller must close the handle. */
    FreeBsdPauseHandle(FreeBsdCalls calls, int pid, Tracer tracer, Failures failures) {
        this.calls = calls;
        this.pid = pid;
        this.tracer = tracer;
        this.failures = failures;
        tracer.stop();
    }

    @Override
    public synchronized List<Long> stoppedThreads() {
        if (closed) {
            return List.of();
        }
        if (stopped == null) {
            try {
                int count = calls.ptraceLwpCount(pid);
                int[] ids = calls.ptraceLwpList(pid, Math.max(count, 0));
                stopped = Arrays.stream(ids).limit(Math.max(count, 0)).mapToObj(id -> (long) id).toList();
            } catch (FreeBsdCallException e) {
                throw failures.of("the threads", e);
            }
        }
        return stopped;
    }

    @Override
    public synchronized Optional<Registers> registers(long osThreadId) {
        try {
            if (closed || !stoppedThreads().contains(osThreadId)) {
                return Optional.empty();
            }
            return Optional.of(AmdRegisters.decode(calls.ptraceGetRegisters((int) osThreadId),
                    "registers of thread " + osThreadId));
        } catch (FreeBsdCallException | SpyException e) {
            // the threads cannot be listed, the thread ended since the list was made, or the kernel answered
            // nonsense: no registers then, as the contract says
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        tracer.resume();
    }
}
