// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import dev.pyspy4j.engine.dump.DumpRequest;
import dev.pyspy4j.engine.dump.DumpSession;
import dev.pyspy4j.engine.dump.DumpedProcess;
import dev.pyspy4j.engine.dump.ProcessDump;
import dev.pyspy4j.engine.launch.LaunchedProgram;
import dev.pyspy4j.engine.launch.ProgramExitedException;
import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.nativestack.NativeProviders;
import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.OpenPatience;
import dev.pyspy4j.engine.sampling.ProcessSource;
import dev.pyspy4j.engine.sampling.ProcessSourceOpener;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.ProcessTreeSource;
import dev.pyspy4j.engine.sampling.ProgramOrPid;
import dev.pyspy4j.engine.sampling.Sampler;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The engine's front door: opens a running process, a program it launches, or either with its descendants, and
 * hands back a {@link ProfilingRun} to sample; or reads every thread's stack once ({@link #dump}). Providers are
 * chosen here for the platform, once per run, so every front end ({@code record}, {@code top}, {@code dump}, a
 * program embedding the engine) opens targets the same way, with the same patience.
 *
 * <pre>{@code
 * Profiler profiler = Profiler.create();
 * try (ProfilingRun run = profiler.attach(pid, SamplingPlan.atRate(100).forSeconds(5))) {
 *     run.sampleInto(sample -> System.out.println(sample.traces().size() + " threads"));
 * }
 * }</pre>
 */
public final class Profiler {
    private final Providers providers;
    private final Platform platform;
    private final Clock clock;
    private final IntFunction<Intervals> intervals;
    private final ProcessTree processTree;

    /**
     * @param intervals   the sampling schedule for a rate
     * @param processTree where the descendants of a process are found
     */
    public Profiler(Providers providers, Platform platform, Clock clock, IntFunction<Intervals> intervals,
                    ProcessTree processTree) {
        this.providers = Objects.requireNonNull(providers, "providers is null");
        this.platform = Objects.requireNonNull(platform, "platform is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.intervals = Objects.requireNonNull(intervals, "intervals is null");
        this.processTree = Objects.requireNonNull(processTree, "processTree is null");
    }

    /**
     * The providers visible to the engine's class loader ({@link java.util.ServiceLoader}), this machine's
     * platform, the system clock and randomised intervals (so that sampling does not beat with periodic work).
     */
    public static Profiler create() {
        return new Profiler(Providers.load(Profiler.class.getClassLoader()), Platform.current(), Clock.system(),
                rate -> Intervals.exponential(rate, new SplittableRandom()), ProcessTree.system());
    }

    /** Opens running process {@code pid} for sampling; warnings are dropped. */
    public ProfilingRun attach(long pid, SamplingPlan plan) {
        return open(Target.process(pid), plan, new StopSignal(), warning -> { });
    }

    /** Launches {@code command} and opens it for sampling once it runs Python; warnings are dropped. */
    public ProfilingRun launch(List<String> command, SamplingPlan plan) {
        return open(Target.program(command), plan, new StopSignal(), warning -> { });
    }

    /**
     * Opens {@code target} for sampling: attaches to it, or launches it and waits until it runs Python, and finds
     * each interpreter, attempting again as long as a process that is starting up can be expected to fail.
     *
     * @param stop     ends the waits (and later the sampling) early when requested
     * @param warnings what the user should know: interpreter warnings, processes of a tree that cannot be read
     * @throws SpyException why the target cannot be sampled; a {@link ProgramExitedException} when a launched
     *                      program ended first
     */
    public ProfilingRun open(Target target, SamplingPlan plan, StopSignal stop, Consumer<String> warnings) {
        if (plan.nativeStacks().enabled()) {
            // Said before a program is launched for nothing.
            NativeProviders.select(providers, platform, plan.nativeStacks());
        }
        ProgramOrPid what = target.what();
        if (!what.launches()) {
            long pid = what.pid().getAsLong();
            return target.subprocesses()
                    ? openTree(pid, TargetPatience.RUNNING_TREE_NANOS, target, opener(plan), stop, warnings,
                            sampler(plan))
                    : openProcess(opener(plan).open(pid, OpenPatience.runningProcess(), stop), target, warnings,
                            sampler(plan), stop);
        }
        // A duration counts from the request (or from here), as py-spy's counts from its start: the program's wait
        // at its gate and its interpreter's start-up are part of it, and `record -d 5 -- python app.py` ends about
        // five seconds after it was typed.
        Sampler sampler = sampler(plan).countingFrom(target.requestedAt().orElseGet(clock::nanoTime));
        LaunchedProgram program = target.programLog()
                .map(log -> LaunchedProgram.startQuietly(what.program(), log))
                .orElseGet(() -> LaunchedProgram.start(what.program()));
        try {
            ProcessSourceOpener opener = opener(plan);
            // The program waits in its launcher shell meanwhile, so that sampling can start with its first line.
            opener.rehearseOn(program.launcherPid());
            program.release();
            long pid = program.awaitProgramPid(TargetPatience.PROGRAM_START_MILLIS);
            ProfilingRun run = target.subprocesses()
                    ? openTree(pid, Long.MAX_VALUE, target, opener, stop, warnings, sampler)
                    : openProcess(opener.openHolding(pid, OpenPatience.startingProgram(), stop), target, warnings,
                            sampler, stop);
            return run.owning(program);
        } catch (SpyException e) {
            SpyException failure = hasEnded(program, e) ? exitedEarly(program, what, e) : e;
            program.close();
            throw failure;
        } catch (RuntimeException | Error e) {
            program.close();
            throw e;
        }
    }

    /** Whether the program has ended, given a moment to when the failure says it is gone. */
    private static boolean hasEnded(LaunchedProgram program, SpyException failure) {
        boolean gone = failure.kind() == FailureKind.PROCESS_EXITED || failure.kind() == FailureKind.PROCESS_NOT_FOUND;
        return gone ? program.hasEndedWithin(TargetPatience.PROGRAM_END_MILLIS) : !program.isRunning();
    }

    private static SpyException exitedEarly(LaunchedProgram program, ProgramOrPid what, SpyException cause) {
        return new ProgramExitedException(what.program().get(0),
                program.finish(TargetPatience.PROGRAM_GRACE_MILLIS), cause);
    }

    private ProfilingRun openProcess(ProcessSource source, Target target, Consumer<String> warnings,
                                     Sampler sampler, StopSignal stop) {
        try {
            SampledProcess subject = new SampledProcess(source.pid(), source.commandLine(),
                    source.interpreter().version(), source.interpreter().warnings(),
                    source.interpreter().freeThreaded());
            FilenameShortener names = target.fullFilenames() ? FilenameShortener.keepingFullNames()
                    : FilenameShortener.seenBy(source::fileAsSeenByTarget);
            return new ProfilingRun(source, "process " + source.pid(), subject, anyPid -> names, List::of,
                    sampler, stop, warnings);
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    private ProfilingRun openTree(long rootPid, long patienceNanos, Target target, ProcessSourceOpener opener,
                                  StopSignal stop, Consumer<String> warnings, Sampler sampler) {
        ProcessTreeSource tree = ProcessTreeSource.open(rootPid, processTree, opener, clock, warnings);
        try {
            tree.awaitPython(patienceNanos, stop);
            ProcessSource naming = tree.namingProcess();
            SampledProcess subject = new SampledProcess(naming.pid(), naming.commandLine(),
                    naming.interpreter().version(), naming.interpreter().warnings(),
                    naming.interpreter().freeThreaded());
            return new ProfilingRun(tree, "the processes of the tree of process " + rootPid, subject,
                    FilenameShortener.perProcess(target.fullFilenames(), tree::fileAsSeenBy), tree::tallies,
                    sampler, stop, warnings);
        } catch (RuntimeException | Error e) {
            tree.close();
            throw e;
        }
    }

    private Sampler sampler(SamplingPlan plan) {
        return new Sampler(clock, intervals.apply(plan.rate()), plan.durationNanos());
    }

    private ProcessSourceOpener opener(SamplingPlan plan) {
        return new ProcessSourceOpener(providers.processAccess().select(platform, Optional.empty()),
                providers.interpreters().select(platform, Optional.empty()),
                plan.needsActivity() ? providers.threadActivity().select(platform, Optional.empty()) : null,
                plan.nativeStacks().enabled() ? NativeProviders.select(providers, platform, plan.nativeStacks())
                        : null,
                clock, plan);
    }

    /**
     * Reads the stack of every Python thread of process {@code request.pid()} once and lets go.
     *
     * @throws SpyException why the process cannot be read
     */
    public ProcessDump dump(DumpRequest request) {
        return dumpSession().dump(request);
    }

    /**
     * Reads the process of {@code request.pid()} and every descendant once, parents before children; a process
     * that cannot be read is listed with the reason.
     */
    public List<DumpedProcess> dumpTree(DumpRequest request) {
        return dumpSession().dumpTree(request);
    }

    /**
     * Reads the stack of every Python thread of the process that core file {@code core} was made of (see
     * {@link DumpSession#dumpCore}); {@code request}'s pid is not used.
     *
     * @throws SpyException why the core cannot be read
     */
    public ProcessDump dumpCore(Path core, DumpRequest request) {
        return dumpSession().dumpCore(core, request);
    }

    private DumpSession dumpSession() {
        return new DumpSession(providers, platform, processTree, clock);
    }
}
