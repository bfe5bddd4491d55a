// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.engine.nativestack.NativeDepth;
import dev.pyspy4j.engine.nativestack.NativeProviders;
import dev.pyspy4j.engine.nativestack.NativeStacks;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import java.util.Objects;

/**
 * Opens processes for sampling the way a {@link SamplingPlan} says: attaches, finds the interpreter and, when idle
 * threads are to be told apart, opens an activity probe. The providers are stateless, so a background thread may
 * open one process while the sampler reads others.
 */
public final class ProcessSourceOpener {
    private final ProcessAccessProvider access;
    private final InterpreterOpener interpreters;
    private final ThreadActivityProvider activity;
    private final SamplingPlan plan;
    private final NativeProviders nativeProviders;
    private final OpenRehearsal rehearsal;

    /**
     * @param activity opens the activity probes; {@code null} when the plan needs none
     */
    public ProcessSourceOpener(ProcessAccessProvider access, PythonInterpreterProvider interpreterProvider,
                               ThreadActivityProvider activity, Clock clock, SamplingPlan plan) {
        this(access, interpreterProvider, activity, null, clock, plan);
    }

    /**
     * @param activity        opens the activity probes; {@code null} when the plan needs none
     * @param nativeProviders open each process's unwinder and symbol resolver; {@code null} when the plan wants no
     *                        native stacks
     */
    public ProcessSourceOpener(ProcessAccessProvider access, PythonInterpreterProvider interpreterProvider,
                               ThreadActivityProvider activity, NativeProviders nativeProviders, Clock clock,
                               SamplingPlan plan) {
        this.access = Objects.requireNonNull(access, "access is null");
        if (plan.nativeStacks().enabled() && nativeProviders == null) {
            throw new IllegalArgumentException("the plan wants native stacks, but no native providers were given");
        }
        this.nativeProviders = plan.nativeStacks().enabled() ? nativeProviders : null;
        this.interpreters = new InterpreterOpener(access, interpreterProvider, clock);
        this.plan = Objects.requireNonNull(plan, "plan is null");
        if (plan.needsActivity() && activity == null) {
            throw new IllegalArgumentException("the plan tells idle threads apart, but no activity provider was given");
        }
        this.activity = activity;
        this.rehearsal = new OpenRehearsal(access, interpreterProvider, plan.needsActivity() ? activity : null);
    }

    /**
     * Runs what {@link #open} and a sample run against process {@code pid}, which is not Python and is neither
     * paused nor changed, so that they are fast for the process opened next (see {@link OpenRehearsal}).
     */
    public void rehearseOn(long pid) {
        rehearsal.rehearseOn(pid);
    }

    /**
     * Opens process {@code pid}, attempting again as {@code patience} allows.
     *
     * @throws dev.pyspy4j.spi.SpyException the last failure, as {@link InterpreterOpener#open} reports it
     */
    public ProcessSource open(long pid, OpenPatience patience, StopSignal stop) {
        return source(interpreters.open(pid, patience, stop));
    }

    /**
     * Opens a program just started, paused while each attempt looks for its interpreter so that it cannot run
     * ahead of the search (see {@link InterpreterOpener#openHolding}), and still paused until the source's first
     * read or {@link ProcessSource#releaseHeldStart}, on this thread; as {@link #open} when the plan never pauses
     * the target.
     *
     * @throws dev.pyspy4j.spi.SpyException the last failure, as {@link InterpreterOpener#openHolding} reports it
     */
    public ProcessSource openHolding(long pid, OpenPatience patience, StopSignal stop) {
        return plan.pauseTarget() ? source(interpreters.openHolding(pid, patience, stop)) : open(pid, patience, stop);
    }

    private ProcessSource source(OpenedProcess opened) {
        ThreadActivityProbe probe = null;
        NativeStacks natives = null;
        try {
            refuseGilOnlyWithoutGil(opened);
            refuseAsyncAwareWithoutTasks(opened);
            if (plan.needsActivity()) {
                probe = activity.open(opened.target());
            }
            if (nativeProviders != null) {
                natives = nativeProviders.open(opened.target(), opened.interpreter(), NativeDepth.maxFrames());
            }
            return new ProcessSource(opened.target(), opened.interpreter(), probe, plan.request(probe), natives,
                    opened.held(), plan.asyncTasks());
        } catch (RuntimeException | Error e) {
            if (opened.held() != null) {
                opened.held().close();
            }
            if (probe != null) {
                probe.close();
            }
            if (natives != null) {
                natives.close();
            }
            opened.target().close();
            throw e;
        }
    }

    /** {@code --gil} keeps only what the GIL's holder runs: a free-threaded interpreter has no GIL to hold. */
    private void refuseGilOnlyWithoutGil(OpenedProcess opened) {
        if (plan.gilOnly() && opened.interpreter().freeThreaded()) {
            throw new SpyException(FailureKind.USAGE, "--gil: Python " + opened.interpreter().version()
                    + " in process " + opened.target().pid() + " is a free-threaded build, which has no GIL;"
                    + " leave out --gil (idle threads are left out without it too)");
        }
    }

    /**
     * {@code --async-aware} needs the interpreter's asyncio tasks; an interpreter whose tasks cannot be read
     * (Python 2.7 and 3.6, free-threaded builds) would give plain thread stacks that look attributed to nothing, so
     * it is refused before sampling, like {@code --gil} without a GIL.
     */
    private void refuseAsyncAwareWithoutTasks(OpenedProcess opened) {
        if (plan.asyncTasks().enabled() && !opened.interpreter().readsAsyncioTasks()) {
            throw new SpyException(FailureKind.USAGE, "--async-aware: the asyncio tasks of Python "
                    + opened.interpreter().version() + (opened.interpreter().freeThreaded() ? " (free-threaded)" : "")
                    + " in process " + opened.target().pid() + " cannot be read (CPython 3.7-3.15; of the"
                    + " free-threaded builds, 3.13t); leave out --async-aware");
        }
    }

    /**
     * Attaches to process {@code pid} without looking for an interpreter: enough to follow what it runs and whether
     * it still runs.
     *
     * @throws dev.pyspy4j.spi.SpyException PROCESS_NOT_FOUND, PROCESS_EXITED or PERMISSION_DENIED
     */
    public TargetProcess watch(long pid) {
        return access.attach(pid);
    }
}
