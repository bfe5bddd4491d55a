// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.pyroscope.Backoff;
import dev.pyspy4j.cli.pyroscope.HttpPushTransport;
import dev.pyspy4j.cli.pyroscope.PyroscopePush;
import dev.pyspy4j.cli.pyroscope.PyroscopeWindows;
import dev.pyspy4j.cli.pyroscope.Sleeper;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.cli.record.OutputNames;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.record.RecordingWindows;
import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.Target;
import dev.pyspy4j.engine.launch.ProgramExitedException;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.SnapshotTriggers;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.sampling.StopTriggers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.Recorder;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code record} without the command line: checks the output, opens the target through the engine, samples it into
 * the chosen format and writes the file. Every normal end (duration, Control-C, SIGTERM, the process exiting)
 * writes the file; so do failed samples, which are counted. Failures before sampling starts are thrown; when the
 * failure is a launched program that ended before it could be sampled, an empty file is written first.
 */
public final class RecordSession {
    /** The most of pyspy4j's own start-up that counts towards a launched program's duration. */
    static final long STARTUP_CHARGED_NANOS = 500_000_000L;
    /** The format of the profiles pushed to Pyroscope. */
    private static final String PPROF = "pprof";
    /** How long a push waits for a connection, and then for the answer. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Providers providers;
    private final Platform platform;
    private final SessionEnvironment environment;
    private final Profiler profiler;
    private final RecordConsole console;
    private final boolean verbose;

    public RecordSession(Providers providers, Platform platform, SessionEnvironment environment,
                         RecordConsole console, boolean verbose) {
        this(providers, platform, environment, ProcessTree.system(), console, verbose);
    }

    /**
     * @param processTree where {@code --subprocesses} finds the descendants of the target
     */
    public RecordSession(Providers providers, Platform platform, SessionEnvironment environment,
                         ProcessTree processTree, RecordConsole console, boolean verbose) {
        this.providers = providers;
        this.platform = platform;
        this.environment = environment;
        this.profiler = environment.profiler(providers, platform, processTree);
        this.console = console;
        this.verbose = verbose;
    }

    /**
     * Where a launched program's duration starts: at pyspy4j's own start, as py-spy's does, so that {@code -d 5}
     * ends about five seconds after it was typed; but a slow start (a cold JVM on a loaded machine) takes no more
     * than {@link #STARTUP_CHARGED_NANOS} from the sampling asked for.
     *
     * @param startedAt when the command started
     * @param now       just before the program is launched
     */
    static long durationOrigin(long startedAt, long now) {
        return Math.max(startedAt, now - STARTUP_CHARGED_NANOS);
    }

    public RecordOutcome run(RecordRequest request) {
        OutputFormats formats = new OutputFormats(providers.outputFormats(), platform);
        OutputFormat format = formats.select(request.format());
        // A push to Pyroscope writes a file only when one is named: its recording may run for days.
        OutputFile file = request.pyroscope().isPresent() && request.output().isEmpty() ? null
                : OutputFile.prepare(request.output().orElseGet(() -> OutputNames.defaultName(
                        request.target().name(), environment.wallClock().get(), format.fileExtension())));
        if (request.periodSeconds().isPresent() && file != null && !file.takesNumberedSiblings()) {
            throw new SpyException(FailureKind.USAGE, "--period writes numbered files beside the output file, and '"
                    + file.shownAs() + "' is not a regular file");
        }
        Optional<PyroscopeWindows> pushes = request.pyroscope().map(push -> pushing(push, formats, request));
        RecordingWindows windows = pushes.isPresent()
                ? new RecordingWindows(pushes.get(), OptionalLong.of(TimeUnit.SECONDS.toNanos(
                        request.pyroscope().get().intervalSeconds())), console)
                : new RecordingWindows(() -> SampledRecording.newRecorder(format, request), file,
                        format.fileExtension(), request.periodSeconds().stream()
                                .map(seconds -> TimeUnit.SECONDS.toNanos(seconds)).findFirst(), console);
        StopSignal stop = new StopSignal();
        // Armed before a program is launched, so that Control-C at any moment ends it too; disarmed last, once the
        // file is written, which a shutdown hook among the triggers waits for.
        StopTriggers.Armed triggers = environment.stopTriggers().arm(stop);
        SnapshotTriggers.Armed snapshots = environment.snapshotTriggers().arm(windows::request);
        if (request.target().launches()) {
            SampledRecording.rehearse(format, request);
        }
        Target target = new Target(request.target(), request.subprocesses(), request.fullFilenames(),
                Optional.empty(), OptionalLong.of(durationOrigin(environment.startedAt(),
                        environment.clock().nanoTime())));
        try (ProfilingRun run = profiler.open(target, request.sampling(), stop, console::warning)) {
            RecordOutcome outcome = new SampledRecording(console, verbose).record(run, request, format, file,
                    windows, request.pyroscope().map(push -> "Recorded for Pyroscope at " + push.endpoint().server())
                            .orElse(""));
            run.finishProgram().ifPresent(end -> console.info(
                    RecordMessages.programEnded(request.target().program().get(0), end)));
            return pushes.map(sink -> outcome.withPushes(sink.counts())).orElse(outcome);
        } catch (ProgramExitedException e) {
            if (file == null) {
                throw e;
            }
            // Nothing could be sampled, yet a script that reads the file finds one, in the format it asked for.
            Recorder empty = SampledRecording.newRecorder(format, request);
            file.write(empty);
            console.info(RecordMessages.wroteEmpty(empty.announce(file.shownAs())));
            throw e;
        } finally {
            snapshots.close();
            triggers.close();
        }
    }

    /** The windows pushed to Pyroscope, as pprof profiles whatever the format of the file. */
    private PyroscopeWindows pushing(PyroscopePush push, OutputFormats formats, RecordRequest request) {
        OutputFormat pprof;
        try {
            pprof = formats.select(PPROF);
        } catch (SpyException e) {
            throw new SpyException(FailureKind.USAGE, "--pyroscope pushes pprof profiles, and no output format '"
                    + PPROF + "' was found");
        }
        String profileName = request.includeIdle() ? "wall" : "process_cpu";
        return new PyroscopeWindows(push, () -> SampledRecording.newRecorder(pprof, request), profileName,
                () -> epochNanos(environment.wallClock().get()),
                new HttpPushTransport(push.endpoint().push(), push.headers(), CONNECT_TIMEOUT_MILLIS,
                        READ_TIMEOUT_MILLIS), Backoff.DEFAULT, Sleeper.SYSTEM, console);
    }

    private static long epochNanos(ZonedDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
