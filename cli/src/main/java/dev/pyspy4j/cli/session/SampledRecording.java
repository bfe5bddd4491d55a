// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.BuildVersion;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.record.Recording;
import dev.pyspy4j.cli.record.RecordingWindows;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.ProcessTally;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.engine.sampling.SamplingResult;
import dev.pyspy4j.engine.trace.TraceDecorator;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import dev.pyspy4j.spi.python.LineNumbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One opened run recorded into one file: sample it, let go of its processes, write the file, sum it up. */
final class SampledRecording {
    /** Sampling that falls behind is reported at most this often. */
    private static final long LAG_WARNING_QUIET_NANOS = 10_000_000_000L;

    private final RecordConsole console;
    private final boolean verbose;

    SampledRecording(RecordConsole console, boolean verbose) {
        this.console = console;
        this.verbose = verbose;
    }

    /** A recorder of {@code format} for what {@code request} asks. */
    static Recorder newRecorder(OutputFormat format, RecordRequest request) {
        SamplingPlan plan = request.sampling();
        return format.newRecorder(new OutputSettings(request.title(), plan.rate(),
                plan.lineNumbers() != LineNumbers.NONE, BuildVersion.producer(), request.includeIdle()));
    }

    /**
     * Runs the recording path once, on a made-up sample, into a recorder that is then dropped. A launched program
     * is held until the sampler is ready for it; in a cold JVM its first samples would otherwise also pay for
     * loading the recording code, and a short script's first tens of milliseconds would go unsampled.
     */
    static void rehearse(OutputFormat format, RecordRequest request) {
        try {
            SamplingPlan plan = request.sampling();
            Recorder recorder = newRecorder(format, request);
            RecordConsole silent = new RecordConsole(new PrintWriter(Writer.nullWriter()), false, "rehearsal");
            Recording recording = new Recording(recorder, new TraceFilter(request.includeIdle(), plan.gilOnly()),
                    new TraceDecorator(FilenameShortener.keepingFullNames(), request.threadFrames()),
                    new LagMonitor(plan.rate(), LAG_WARNING_QUIET_NANOS), silent, plan.durationSeconds(), false,
                    false);
            Frame caller = new Frame("<module>", "rehearsal.py", null, "rehearsal.py", 1, List.of(), true, false);
            Frame callee = new Frame("work", "rehearsal.py", null, "rehearsal.py", 2, List.of(), false, false);
            StackTrace trace = new StackTrace(1, 1, "MainThread", 1, true, true, List.of(callee, caller), null);
            recording.accept(new Sample(0, List.of(trace), List.of(), 0, 0));
            recording.finish();
            recorder.counts(new RecordingCounts(1, 1, Map.of()));
            recorder.writeTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // Only a head start is lost: a format (a plugin's, say) that rejects a made-up sample gets real ones.
        }
    }

    /**
     * Samples {@code run} until it ends, lets go of its processes and writes the file; per-process lines for a tree.
     *
     * @param file       where the whole recording goes; {@code null} for nowhere (its windows alone go somewhere)
     * @param recordedAs what the summary line says of the recording when no file is written
     */
    RecordOutcome record(ProfilingRun run, RecordRequest request, OutputFormat format, OutputFile file,
                         RecordingWindows windows, String recordedAs) {
        SamplingPlan plan = request.sampling();
        if (!request.subprocesses()) {
            run.subject().warnings().forEach(console::warning);
        }
        Recorder recorder;
        Recording recording;
        SamplingResult result;
        List<ProcessTally> perProcess;
        try {
            // Without a file the recording is not kept: a push that runs for days would hold every stack it saw.
            recorder = file == null ? new Discarding() : newRecorder(format, request);
            recording = new Recording(recorder, windows, new TraceFilter(request.includeIdle(), plan.gilOnly()),
                    new TraceDecorator(run.names(), request.threadFrames()),
                    new LagMonitor(plan.rate(), LAG_WARNING_QUIET_NANOS), console, plan.durationSeconds(),
                    request.showStatus(), verbose);
            console.info(RecordMessages.start(plan.rate(), plan.durationSeconds()));
            result = run.sampleInto(recording);
            recording.finish();
            perProcess = run.tallies();
        } finally {
            run.detach();
        }
        console.info(RecordMessages.stopped(result.reason(), plan.durationSeconds()));
        if (file != null) {
            recorder.counts(new RecordingCounts(result.stats().rounds(), recording.samples(),
                    recording.failures().byReason()));
            file.write(recorder);
        }
        console.info(RecordMessages.wrote(file == null ? recordedAs : recorder.announce(file.shownAs()),
                recording.samples(), result.stats().rounds(), result.stats().roundRate(), plan.rate(),
                recording.failures()));
        if (file != null && !recorder.hint().isEmpty()) {
            console.info(recorder.hint());
        }
        if (request.subprocesses()) {
            RecordMessages.processes(perProcess, recording::samplesOf).forEach(console::info);
        }
        return new RecordOutcome(result, recording.samples(), recording.failures(),
                Optional.ofNullable(file).map(OutputFile::shownAs), Optional.empty());
    }

    /** The recording of a run whose windows alone are kept. */
    private static final class Discarding implements Recorder {
        @Override
        public void record(StackTrace trace, long elapsedNanos) {
        }

        @Override
        public void record(StackTrace trace, long elapsedNanos, long count) {
        }

        @Override
        public void writeTo(OutputStream out) {
        }

        @Override
        public String announce(String path) {
            return "";
        }
    }
}
