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
import dev.pyspy4j.cli.sampling.InterpreterOpener;
import dev.pyspy4j.cli.sampling.LagMonitor;
import dev.pyspy4j.cli.sampling.OpenPatience;
import dev.pyspy4j.cli.sampling.OpenedProcess;
import dev.pyspy4j.cli.sampling.ProcessSource;
import dev.pyspy4j.cli.sampling.Sampler;
import dev.pyspy4j.cli.sampling.SamplingPlan;
import dev.pyspy4j.cli.sampling.SamplingResult;
import dev.pyspy4j.cli.sampling.StopSignal;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.Optional;

/** One process recorded into one file: open its interpreter, sample it, let go of it, write the file. */
final class SampledRecording {
    /** Sampling that falls behind is reported at most this often. */
    private static final long LAG_WARNING_QUIET_NANOS = 10_000_000_000L;

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final RecordConsole console;
    private final boolean verbose;

    SampledRecording(Providers providers, Platform platform, SessionEnvironment environment, RecordConsole console,
                     boolean verbose) {
        this.providers = providers;
        this.platform = platform;
        this.environment = environment;
        this.console = console;
        this.verbose = verbose;
    }

    RecordOutcome record(long pid, OpenPatience patience, StopSignal stop, RecordRequest request, OutputFormat format,
                         OutputFile file) {
        SamplingPlan plan = request.sampling();
        Recorder recorder = format.newRecorder(new OutputSettings(request.title(), plan.rate(),
                plan.lineNumbers() != LineNumbers.NONE, BuildVersion.producer()));
        Recording recording;
        SamplingResult result;
        ProcessSource source = open(pid, patience, stop, plan);
        try {
            source.interpreter().warnings().forEach(console::warning);
            FilenameShortener names = request.fullFilenames() ? FilenameShortener.keepingFullNames()
                    : FilenameShortener.seenBy(source::fileAsSeenByTarget);
            recording = new Recording(recorder, new TraceFilter(request.includeIdle(), plan.gilOnly()),
                    new TraceDecorator(names, request.threadFrames()),
                    new LagMonitor(plan.rate(), LAG_WARNING_QUIET_NANOS), console, plan.durationSeconds(),
                    request.showStatus(), verbose);
            console.info(RecordMessages.start(plan.rate(), plan.durationSeconds()));
            result = new Sampler(environment.clock(), environment.intervals().apply(plan.rate()), plan.durationNanos())
                    .run(source, recording, stop);
            recording.finish();
        } finally {
            letGo(source);
        }
        console.info(RecordMessages.stopped(result.reason(), plan.durationSeconds()));
        file.write(recorder);
        console.info(RecordMessages.wrote(recorder.announce(file.shownAs()), recording.samples(), recording.errors(),
                result.stats().achievedRate(), plan.rate()));
        if (!recorder.hint().isEmpty()) {
            console.info(recorder.hint());
        }
        return new RecordOutcome(result, recording.samples(), recording.errors(), file.shownAs());
    }

    /** Detaches; a failure to do so cleanly is worth a warning but must not cost the recording. */
    private void letGo(ProcessSource source) {
        try {
            source.close();
        } catch (SpyException e) {
            console.warning("could not let go of process " + source.pid() + " cleanly: " + e.getMessage());
        }
    }

    private ProcessSource open(long pid, OpenPatience patience, StopSignal stop, SamplingPlan plan) {
        OpenedProcess opened = new InterpreterOpener(
                providers.processAccess().select(platform, Optional.empty()),
                providers.interpreterLayouts().select(platform, Optional.empty()), environment.clock())
                .open(pid, patience, stop);
        ThreadActivityProbe probe = null;
        try {
            if (plan.needsActivity()) {
                probe = providers.threadActivity().select(platform, Optional.empty()).open(opened.target());
            }
            return new ProcessSource(opened.target(), opened.interpreter(), probe, plan.request(probe));
        } catch (RuntimeException | Error e) {
            if (probe != null) {
                probe.close();
            }
            opened.target().close();
            throw e;
        }
    }
}
