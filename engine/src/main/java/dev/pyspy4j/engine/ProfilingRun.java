// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import dev.pyspy4j.engine.launch.LaunchedProgram;
import dev.pyspy4j.engine.launch.ProgramEnd;
import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.ProcessTally;
import dev.pyspy4j.engine.sampling.SampleConsumer;
import dev.pyspy4j.engine.sampling.SampleSource;
import dev.pyspy4j.engine.sampling.Sampler;
import dev.pyspy4j.engine.sampling.SamplingResult;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.SpyException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * An opened target, ready to be sampled: one process or a process tree, and the program launched for it if any.
 * {@link #sampleInto} samples it on the calling thread until the plan's duration passes, the processes exit or
 * {@link #stop} is called from any thread. Closing lets go of every process (none is left paused) and ends a
 * launched program that still runs. A launched program is held paused from the moment its interpreter is found
 * until the first sample, so that nothing of it runs unsampled while the front end sets up; a pause belongs to the
 * thread that made it, so the thread that opened the run samples it, closes it, or hands {@link #source} over.
 */
public final class ProfilingRun implements AutoCloseable {
    private final SampleSource source;
    private final String description;
    private final SampledProcess subject;
    private final LongFunction<FilenameShortener> names;
    private final Supplier<List<ProcessTally>> tallies;
    private final Sampler sampler;
    private final StopSignal stop;
    private final Consumer<String> warnings;
    private LaunchedProgram program;
    private boolean detached;

    ProfilingRun(SampleSource source, String description, SampledProcess subject,
                 LongFunction<FilenameShortener> names, Supplier<List<ProcessTally>> tallies, Sampler sampler,
                 StopSignal stop, Consumer<String> warnings) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.description = description;
        this.subject = subject;
        this.names = names;
        this.tallies = tallies;
        this.sampler = sampler;
        this.stop = stop;
        this.warnings = warnings;
    }

    /** The same run, owning the program launched for it. */
    ProfilingRun owning(LaunchedProgram launched) {
        this.program = launched;
        return this;
    }

    /**
     * Samples until the plan's duration passes, every process exits or {@link #stop} is called, handing each sample
     * to {@code consumer} on this thread. The processes stay attached until {@link #detach} or {@link #close}.
     */
    public SamplingResult sampleInto(SampleConsumer consumer) {
        return sampler.run(source, consumer, stop);
    }

    /** Asks {@link #sampleInto} to return at its next tick; callable from any thread. */
    public void stop() {
        stop.request(StopReason.INTERRUPTED);
    }

    /** The stop signal {@link #sampleInto} watches, for front ends that stop runs for reasons of their own. */
    public StopSignal stopSignal() {
        return stop;
    }

    /**
     * What is read at every tick, for front ends that sample on a thread of their own; to be called on the thread
     * that opened the run, as it lets a launched program that is held until its first sample run (only the thread
     * that paused it can).
     */
    public SampleSource source() {
        source.releaseHeldStart();
        return source;
    }

    /** The sampling loop of this run's plan. */
    public Sampler sampler() {
        return sampler;
    }

    /** The process that names the run. */
    public SampledProcess subject() {
        return subject;
    }

    /** How each process shows file names, by pid: as it imports them, or in full. */
    public LongFunction<FilenameShortener> names() {
        return names;
    }

    /** For a process tree, how each process's reads went so far; empty for one process. */
    public List<ProcessTally> tallies() {
        return tallies.get();
    }

    /** Lets go of every process, resuming any that is paused; a failure to do so cleanly is a warning. Idempotent. */
    public void detach() {
        if (detached) {
            return;
        }
        detached = true;
        try {
            source.close();
        } catch (SpyException e) {
            warnings.accept("could not let go of " + description + " cleanly: " + e.getMessage());
        }
    }

    /**
     * Lets go of the processes and, for a launched program, waits for it to exit, ending it if it still runs after
     * a grace period.
     *
     * @return how the launched program ended; empty when the run attached to a running process
     */
    public Optional<ProgramEnd> finishProgram() {
        // Sampling learns that a program ends as its interpreter shuts down, before the process is gone: on a busy
        // machine it may still be finishing (flushing, exiting) a moment later, which is not a reason to stop it.
        boolean ending = program != null && source.exhausted();
        detach();
        if (program == null) {
            return Optional.empty();
        }
        if (ending) {
            program.hasEndedWithin(TargetPatience.PROGRAM_GRACE_MILLIS);
        }
        return Optional.of(program.finish(TargetPatience.PROGRAM_GRACE_MILLIS));
    }

    @Override
    public void close() {
        detach();
        if (program != null) {
            program.close();
        }
    }
}
