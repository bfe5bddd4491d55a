// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static dev.pyspy4j.cli.pyroscope.PushRequestEncoderTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordingWindows;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Windows of a recording pushed as PushRequests: one per period, each with the series' labels, its stacks without
 * thread labels unless asked, and the wall-clock time its window started.
 */
class PyroscopeWindowsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long EPOCH = 1_765_000_000L * SECOND;
    private static final StackTrace TRACE = new StackTrace(7, 0x7f00, "MainThread", 4242, true, true,
            List.of(new Frame("work", "w.py", null, "w.py", 2, List.of(), false, false)),
            new ProcessInfo(7, "python w.py", null));

    private final StringWriter err = new StringWriter();
    private final RecordConsole console = new RecordConsole(new PrintWriter(err, true), false, "pyspy4j record");
    private final List<StackTrace> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    private long wallClock = EPOCH;

    @Test
    void everyPeriodIsPushedWithTheSeriesLabelsAndTheTimeItsWindowStarted() throws IOException {
        PyroscopeWindows sink = sink(Set.of(), request -> {
            sent.add(request);
            return new PushResponse(200, "");
        });
        RecordingWindows windows = new RecordingWindows(sink, OptionalLong.of(10 * SECOND), console);
        Recorder feed = windows.feeding(new Counting());

        for (long tick = 0; tick <= 25; tick++) {
            wallClock = EPOCH + tick * SECOND;
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        assertThat(sent).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] series = fields(sent.get(i), 1).get(0);
            assertThat(labels(series)).containsExactly("__name__=process_cpu", "service_name=demo", "env=test");
            byte[] profile = gunzip(fields(fields(series, 2).get(0), 1).get(0));
            assertThat(profileText(profile)).isEqualTo(i == 2 ? "6" : "10");
            assertThat(timeNanos(profile)).isEqualTo(EPOCH + i * 10 * SECOND);
        }
        assertThat(seen).allSatisfy(trace -> {
            assertThat(trace.threadName()).isNull();
            assertThat(trace.threadId()).isZero();
            assertThat(trace.osThreadId()).isZero();
            assertThat(trace.processInfo()).isNull();
            assertThat(trace.frames()).isEqualTo(TRACE.frames());
        });
        assertThat(sink.counts()).isEqualTo(new PushCounts(3, 0, 0, 0));
        assertThat(err.toString()).isEqualTo("pyspy4j> Pushing a profile to Pyroscope at http://127.0.0.1:4040 every"
                + " 10 s: the first was accepted\n"
                + "pyspy4j> Pyroscope at http://127.0.0.1:4040: 3 profiles pushed, 0 failed, 0 dropped\n");
    }

    @Test
    void aRequestSuchAsSigusr1PushesTheCurrentWindowAtOnce() throws IOException {
        PyroscopeWindows sink = sink(Set.of(), request -> {
            sent.add(request);
            return new PushResponse(200, "");
        });
        RecordingWindows windows = new RecordingWindows(sink, OptionalLong.of(10 * SECOND), console);
        Recorder feed = windows.feeding(new Counting());

        for (long tick = 0; tick < 10; tick++) {
            if (tick == 4) {
                windows.request();
            }
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        assertThat(sent).hasSize(2);
        assertThat(profileText(gunzip(fields(fields(fields(sent.get(0), 1).get(0), 2).get(0), 1).get(0))))
                .isEqualTo("4");
        assertThat(profileText(gunzip(fields(fields(fields(sent.get(1), 1).get(0), 2).get(0), 1).get(0))))
                .isEqualTo("6");
    }

    @Test
    void threadAndProcessLabelsAreKeptWhenAskedFor() {
        PyroscopeWindows sink = sink(EnumSet.allOf(SampleLabels.class), request -> new PushResponse(200, ""));
        RecordingWindows windows = new RecordingWindows(sink, OptionalLong.of(SECOND), console);
        Recorder feed = windows.feeding(new Counting());

        windows.beforeTick(0);
        feed.record(TRACE, 0);
        windows.finish();

        assertThat(seen).containsExactly(TRACE);
    }

    @Test
    void aRefusingServerIsWarnedAboutWithItsStatusAndTheFirstLineOfItsAnswer() {
        PyroscopeWindows sink = sink(Set.of(), request -> new PushResponse(401, "{\"code\":\"unauthenticated\"}"));
        RecordingWindows windows = new RecordingWindows(sink, OptionalLong.of(SECOND), console);
        Recorder feed = windows.feeding(new Counting());

        windows.beforeTick(0);
        feed.record(TRACE, 0);
        windows.finish();

        assertThat(err.toString()).isEqualTo("pyspy4j record: warning: push to"
                + " http://127.0.0.1:4040/push.v1.PusherService/Push failed: HTTP 401: {\"code\":\"unauthenticated\"};"
                + " that profile is lost\n"
                + "pyspy4j> Pyroscope at http://127.0.0.1:4040: 0 profiles pushed, 1 failed, 0 dropped\n");
    }

    private PyroscopeWindows sink(Set<SampleLabels> kept, PushTransport transport) {
        PyroscopePush push = new PyroscopePush(PushEndpoint.parse("http://127.0.0.1:4040"), "demo",
                List.of(new LabelPair("env", "test")), Map.of(), kept, 10);
        return new PyroscopeWindows(push, GzippedCount::new, "process_cpu", () -> wallClock, transport,
                Backoff.DEFAULT, duration -> { }, console);
    }

    private static List<String> labels(byte[] series) throws IOException {
        List<String> labels = new ArrayList<>();
        for (byte[] pair : fields(series, 1)) {
            labels.add(new String(fields(pair, 1).get(0), StandardCharsets.UTF_8) + "="
                    + new String(fields(pair, 2).get(0), StandardCharsets.UTF_8));
        }
        return labels;
    }

    /** The stand-in profile's field 6, the count its recorder wrote. */
    private static String profileText(byte[] profile) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(profile);
        in.readTag();
        return in.readString();
    }

    private static long timeNanos(byte[] profile) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(profile);
        long time = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 9) {
                time = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        return time;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** A pprof recorder's stand-in: a gzipped message whose field 6 is the count of stacks it was given. */
    private final class GzippedCount implements Recorder {
        private long count;

        @Override
        public void record(StackTrace trace, long elapsedNanos) {
            seen.add(trace);
            count++;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            GZIPOutputStream gzip = new GZIPOutputStream(out);
            com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(gzip);
            coded.writeString(6, Long.toString(count));
            coded.flush();
            gzip.finish();
        }

        @Override
        public String announce(String path) {
            return "pprof";
        }
    }

    /** The whole recording, which these tests do not look at. */
    private static final class Counting implements Recorder {
        @Override
        public void record(StackTrace trace, long elapsedNanos) {
        }

        @Override
        public void writeTo(OutputStream out) {
        }

        @Override
        public String announce(String path) {
            return "whole";
        }
    }
}
