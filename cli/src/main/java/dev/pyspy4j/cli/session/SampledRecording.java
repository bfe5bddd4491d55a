// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.BuildVersion;
import dev.pyspy4j.cli.names.FilenameShortener;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.record.Recording;
import dev.pyspy4j.cli.record.TraceDecorator;
import dev.pyspy4j.cli.record.TraceFilter;
import dev.pyspy4j.cli.sampling.LagMonitor;
import dev.pyspy4j.cli.sampling.OpenPatience;
import dev.pyspy4j.cli.sampling.ProcessSource;
import dev.pyspy4j.cli.sampling.ProcessSourceOpener;
import dev.pyspy4j.cli.sampling.ProcessTally;
import dev.pyspy4j.cli.sampling.ProcessTree;
import dev.pyspy4j.cli.sampling.ProcessTreeSource;
import dev.pyspy4j.cli.sampling.SampleSource;
import dev.pyspy4j.cli.sampling.Sampler;
import dev.pyspy4j.cli.sampling.SamplingPlan;
import dev.pyspy4j.cli.sampling.SamplingResult;
import dev.pyspy4j.cli.sampling.StopSignal;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One process, or one process tree, recorded into one file: open its interpreters, sample them, let go of them,
 * write the file.
 */
final class SampledRecording {
    /** Sampling that falls behind is reported at most this often. */
    private static final long LAG_WARNING_QUIET_NANOS = 10_000_000_000L;

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final ProcessTree processTree;
    private final RecordConsole console;
    private final boolean verbose;

    SampledRecording(Providers providers, Platform platform, SessionEnvironment environment, ProcessTree processTree,
                     RecordConsole console, boolean verbose) {
        this.providers = providers;
        this.platform = platform;
        this.environment = environment;
        this.processTree = processTree;
        this.console = console;
        this.verbose = verbose;
    }

    /** Records process {@code pid}, once its interpreter is found within {@code patience}. */
    RecordOutcome record(long pid, OpenPatience patience, StopSignal stop, RecordRequest request, OutputFormat format,
                         OutputFile file) {
        ProcessSource source = opener(request.sampling()).open(pid, patience, stop);
        source.interpreter().warnings().forEach(console::warning);
        FilenameShortener names = request.fullFilenames() ? FilenameShortener.keepingFullNames()
                : FilenameShortener.seenBy(source::fileAsSeenByTarget);
        return sample(source, "process " + pid, anyPid -> names, List::of, stop, request, format, file);
    }

    /**
     * Records process {@code rootPid} and its descendants, once some process of the tree is Python, waiting
     * {@code patienceNanos} at most for one to be.
     */
    RecordOutcome recordTree(long rootPid, long patienceNanos, StopSignal stop, RecordRequest request,
                             OutputFormat format, OutputFile file) {
        ProcessTreeSource tree = ProcessTreeSource.open(rootPid, processTree, opener(request.sampling()),
                environment.clock(), console::warning);
        try {
            tree.awaitPython(patienceNanos, stop);
        } catch (RuntimeException | Error e) {
            letGo(tree, "the processes of the tree of process " + rootPid);
            throw e;
        }
        LongFunction<FilenameShortener> names = FilenameShortener.perProcess(request.fullFilenames(),
                tree::fileAsSeenBy);
        return sample(tree, "the processes of the tree of process " + rootPid, names, tree::tallies, stop, request,
                format, file);
    }

    /** Samples an open source until the run ends, lets go of it and writes the file; per-process lines for a tree. */
    private RecordOutcome sample(SampleSource source, String sampled, LongFunction<FilenameShortener> names,
                                 Supplier<List<ProcessTally>> tallies, StopSignal stop, RecordRequest request,
                                 OutputFormat format, OutputFile file) {
        SamplingPlan plan = request.sampling();
        Recorder recorder;
        Recording recording;
        SamplingResult result;
        List<ProcessTally> perProcess;
        try {
            recorder = format.newRecorder(new OutputSettings(request.title(), plan.rate(),
                    plan.lineNumbers() != LineNumbers.NONE, BuildVersion.producer()));
            recording = new Recording(recorder, new TraceFilter(request.includeIdle(), plan.gilOnly()),
                    new TraceDecorator(names, request.threadFrames()),
                    new LagMonitor(plan.rate(), LAG_WARNING_QUIET_NANOS), console, plan.durationSeconds(),
                    request.showStatus(), verbose);
            console.info(RecordMessages.start(plan.rate(), plan.durationSeconds()));
            result = new Sampler(environment.clock(), environment.intervals().apply(plan.rate()), plan.durationNanos())
                    .run(source, recording, stop);
            recording.finish();
            perProcess = tallies.get();
        } finally {
            letGo(source, sampled);
        }
        console.info(RecordMessages.stopped(result.reason(), plan.durationSeconds()));
        file.write(recorder);
        console.info(RecordMessages.wrote(recorder.announce(file.shownAs()), recording.samples(),
                result.stats().rounds(), result.stats().roundRate(), plan.rate(), recording.failures()));
        if (!recorder.hint().isEmpty()) {
            console.info(recorder.hint());
        }
        if (request.subprocesses()) {
            RecordMessages.processes(perProcess, recording::samplesOf).forEach(console::info);
        }
        return new RecordOutcome(result, recording.samples(), recording.failures(), file.shownAs());
    }

    /** Detaches; a failure to do so cleanly is worth a warning but must not cost the recording. */
    private void letGo(SampleSource source, String sampled) {
        try {
            source.close();
        } catch (SpyException e) {
            console.warning("could not let go of " + sampled + " cleanly: " + e.getMessage());
        }
    }

    private ProcessSourceOpener opener(SamplingPlan plan) {
        return new ProcessSourceOpener(providers.processAccess().select(platform, Optional.empty()),
                providers.interpreterLayouts().select(platform, Optional.empty()),
                plan.needsActivity() ? providers.threadActivity().select(platform, Optional.empty()) : null,
                environment.clock(), plan);
    }
}
