// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.engine.nativestack.NativeStacks;
import dev.pyspy4j.engine.tasks.TaskStacks;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One Python process, sampled the same way at every tick. It owns the attached process and the activity probe and
 * closes both. A read that fails because the process is gone marks the source exhausted instead of counting an
 * error: py-spy tells the two apart the same way, by checking whether the process still runs. Any other
 * failure, even an unexpected exception, is a failed sample: the recording goes on.
 */
public final class ProcessSource implements SampleSource {
    private final TargetProcess target;
    private final PythonInterpreter interpreter;
    private final ThreadActivityProbe probe;
    private final SampleRequest request;
    private final NativeStacks nativeStacks;
    /** Attributes the stacks to asyncio tasks; null for plain thread stacks. */
    private final SampledTasks tasks;
    private PauseHandle heldStart;
    private boolean exited;
    /** What the process ran when sampling began; null when it could not be read (then no exec is noticed). */
    private final Fingerprint program;
    private StopReason exhaustion = StopReason.TARGET_EXITED;

    /**
     * @param probe the activity probe named by {@code request}, closed with this source; {@code null} for none
     */
    public ProcessSource(TargetProcess target, PythonInterpreter interpreter, ThreadActivityProbe probe,
                         SampleRequest request) {
        this(target, interpreter, probe, request, null);
    }

    /**
     * @param probe        the activity probe named by {@code request}, closed with this source; {@code null} for none
     * @param nativeStacks merges native stacks into every sample, closed with this source; {@code null} for Python
     *                     stacks only
     */
    public ProcessSource(TargetProcess target, PythonInterpreter interpreter, ThreadActivityProbe probe,
                         SampleRequest request, NativeStacks nativeStacks) {
        this(target, interpreter, probe, request, nativeStacks, null);
    }

    /**
     * @param probe        the activity probe named by {@code request}, closed with this source; {@code null} for none
     * @param nativeStacks merges native stacks into every sample, closed with this source; {@code null} for Python
     *                     stacks only
     * @param heldStart    the pause that holds a program since its launch, closed by the first read (or
     *                     {@link #releaseHeldStart}, or {@link #close}) on the thread that made it; {@code null} for
     *                     a process that runs
     */
    public ProcessSource(TargetProcess target, PythonInterpreter interpreter, ThreadActivityProbe probe,
                         SampleRequest request, NativeStacks nativeStacks, PauseHandle heldStart) {
        this(target, interpreter, probe, request, nativeStacks, heldStart, AsyncMode.OFF);
    }

    /**
     * @param probe        the activity probe named by {@code request}, closed with this source; {@code null} for none
     * @param nativeStacks merges native stacks into every sample, closed with this source; {@code null} for Python
     *                     stacks only
     * @param heldStart    the pause that holds a program since its launch, closed by the first read (or
     *                     {@link #releaseHeldStart}, or {@link #close}) on the thread that made it; {@code null} for
     *                     a process that runs
     * @param asyncTasks   whether the stacks are attributed to asyncio tasks; not with native stacks
     */
    public ProcessSource(TargetProcess target, PythonInterpreter interpreter, ThreadActivityProbe probe,
                         SampleRequest request, NativeStacks nativeStacks, PauseHandle heldStart,
                         AsyncMode asyncTasks) {
        this.heldStart = heldStart;
        this.target = Objects.requireNonNull(target, "target is null");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter is null");
        this.probe = probe;
        Objects.requireNonNull(request, "request is null");
        if (asyncTasks.enabled() && nativeStacks != null) {
            throw new IllegalArgumentException("asyncio task stacks cannot be merged with native stacks");
        }
        this.tasks = asyncTasks.enabled() ? new SampledTasks(interpreter, asyncTasks, request) : null;
        this.request = nativeStacks != null ? nativeStacks.whilePaused(request)
                : tasks != null ? tasks.whilePaused(request) : request;
        this.nativeStacks = nativeStacks;
        this.program = fingerprintOrNull(target);
    }

    private static Fingerprint fingerprintOrNull(TargetProcess target) {
        try {
            return Fingerprint.of(target);
        } catch (SpyException e) {
            return null;
        }
    }

    public long pid() {
        return target.pid();
    }

    public PythonInterpreter interpreter() {
        return interpreter;
    }

    /** The process's command line (argv), freshly read; empty once it has exited. */
    public List<String> commandLine() {
        return target.commandLine();
    }

    /** A path through which this JVM reads a file as the process sees it (it may run in a container). */
    public Path fileAsSeenByTarget(String pathInTarget) {
        return target.fileAsSeenByTarget(pathInTarget);
    }

    /**
     * Lets a program held since its launch run: the first read does it just before it samples, so that the program
     * runs unsampled for no longer than the sampler takes to read it.
     */
    @Override
    public void releaseHeldStart() {
        if (heldStart != null) {
            PauseHandle held = heldStart;
            heldStart = null;
            held.close();
        }
    }

    @Override
    public SourceReading read() {
        releaseHeldStart();
        if (exited) {
            return SourceReading.none();
        }
        try {
            if (tasks != null) {
                tasks.beforeStacks();
            }
            List<StackTrace> traces = interpreter.sample(request).traces();
            if (hasUnreadableStack(traces) && execed()) {
                return SourceReading.none();
            }
            if (tasks != null) {
                TaskStacks.Attributed attributed = tasks.attribute(traces);
                return new SourceReading(attributed.traces(), attributed.mismatches().stream()
                        .map(mismatch -> new SampleFailure(target.pid(),
                                new SpyException(FailureKind.MEMORY_READ, mismatch))).toList(), 1);
            }
            if (nativeStacks == null) {
                return new SourceReading(traces, List.of(), 1);
            }
            NativeStacks.MergedSample merged = nativeStacks.merge(traces);
            return new SourceReading(merged.traces(), merged.mismatches().stream()
                    .map(mismatch -> new SampleFailure(target.pid(), mismatch)).toList(), 1);
        } catch (SpyException e) {
            if (execed()) {
                return SourceReading.none();
            }
            if (e.kind() == FailureKind.PROCESS_EXITED || !target.isAlive()) {
                exited = true;
                return SourceReading.none();
            }
            return failed(e);
        } catch (RuntimeException e) {
            // A bug in a provider costs this sample, not the recording: it is counted, and shown with --verbose.
            return failed(new SpyException(FailureKind.INTERNAL, "internal error while sampling: " + e, e));
        }
    }

    /**
     * Whether the process replaced its program since sampling began, which ends this source: what was learnt of
     * its interpreter no longer holds, and the memory read since then belongs to another program (a sample read
     * across an exec is dropped, not counted as an error). Checked only after a failed or partly unreadable
     * sample, so that a healthy sample costs nothing more. A program that exec's itself with the same command line
     * is not told apart; its reads fail and are counted until it is Python again at the old addresses.
     */
    private boolean execed() {
        if (program == null) {
            return false;
        }
        Fingerprint now = fingerprintOrNull(target);
        if (now == null || now.equals(program)) {
            return false;
        }
        exited = true;
        exhaustion = StopReason.TARGET_EXECED;
        return true;
    }

    private static boolean hasUnreadableStack(List<StackTrace> traces) {
        for (StackTrace trace : traces) {
            if (trace.frames().size() == 1 && trace.frames().get(0).isUnreadableStack()) {
                return true;
            }
        }
        return false;
    }

    private SourceReading failed(SpyException failure) {
        return new SourceReading(List.of(), List.of(new SampleFailure(target.pid(), failure)), 0);
    }

    @Override
    public boolean exhausted() {
        return exited;
    }

    @Override
    public StopReason exhaustion() {
        return exhaustion;
    }

    @Override
    public void close() {
        try {
            releaseHeldStart();
            if (probe != null) {
                probe.close();
            }
        } finally {
            try {
                if (nativeStacks != null) {
                    nativeStacks.close();
                }
            } finally {
                target.close();
            }
        }
    }
}
