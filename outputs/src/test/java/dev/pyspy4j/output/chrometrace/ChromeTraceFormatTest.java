// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.RecordingArbitraries;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The Chrome trace: begin and end events per frame change, balanced per thread, in time order. */
class ChromeTraceFormatTest extends OutputFormatContract {
    private static final Frame MAIN = frame("main", "/app/main.py", 7);
    private static final Frame F = frame("f", "/app/lib/f.py", 2);
    private static final Frame G = frame("g", "/app/lib/g.py", 3);

    @Override
    protected OutputFormat format() {
        return new ChromeTraceFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        JsonNode events = TraceChecks.balancedEvents(written);
        List<String> begun = new ArrayList<>();
        events.forEach(event -> {
            if (event.get("ph").asText().equals("B")) {
                begun.add(event.get("name").asText());
            }
        });
        assertThat(begun).containsAll(functionNames);
    }

    /** Each event as {@code ph name tid@ts}, metadata as {@code M name tid:args.name}. */
    private static List<String> summary(JsonNode events) {
        List<String> lines = new ArrayList<>();
        for (JsonNode event : events) {
            String phase = event.get("ph").asText();
            lines.add(phase + " " + event.get("name").asText() + " " + event.get("tid").asInt()
                    + (phase.equals("M") ? ":" + event.at("/args/name").asText() : "@" + event.get("ts").asLong()));
        }
        return lines;
    }

    @Test
    void endsFramesThatLeftLeafFirstAndBeginsNewOnesRootFirstAtTheSampleTime() throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, List.of(
                new Timed(stack(1, "MainThread", 11, MAIN), 10_000_000),
                new Timed(stack(1, "MainThread", 11, F, MAIN), 20_000_000),
                new Timed(stack(2, null, 0, G), 20_000_000),
                new Timed(stack(1, "MainThread", 11, G, F, MAIN), 30_000_000),
                new Timed(stack(1, "MainThread", 11, G, MAIN), 40_500_999))));

        // A thread is known by its OS thread id; one whose OS id is unknown by its place in order of appearance.
        assertThat(summary(events)).containsExactly(
                "M thread_name 11:11: MainThread",
                "M thread_name 1:0x2",
                "B main 11@10000",
                "B f 11@20000",
                "B g 1@20000",
                "B g 11@30000",
                "E g 11@40500",
                "E f 11@40500",
                "B g 11@40500",
                // Still open at the end: closed one 100 Hz interval after the last sample.
                "E g 11@50500",
                "E main 11@50500",
                "E g 1@50500");
        assertThat(events.get(2).toString()).isEqualTo("{\"args\":{\"filename\":\"/app/main.py\",\"line\":7},"
                + "\"cat\":\"pyspy4j\",\"name\":\"main\",\"ph\":\"B\",\"pid\":10,\"tid\":11,\"ts\":10000}");
    }

    @Test
    void keepsAcrossAGapTheFramesAThreadStillHasAndEndsTheOthersAfterTheirLastSample() throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, List.of(
                new Timed(stack(1, "t", 11, F, MAIN), 10_000_000),
                new Timed(stack(1, "t", 11, F, MAIN), 59_000_000),
                new Timed(stack(1, "t", 11, F, MAIN), 159_000_000),
                new Timed(stack(1, "t", 11, G, MAIN), 261_000_000),
                new Timed(stack(1, "t", 11, G, MAIN), 500_000_000))));

        // At 100 Hz, gaps of 49 and 100 ms (up to ten intervals, which random sampling intervals make happen) are
        // sampling's own. After the gap of 102 ms, main (on the stack at both ends) stays open; f, left during the
        // gap, ends at 169 ms, one interval after its last sample; g begins when it is seen. A gap with the same
        // stack at both ends adds nothing.
        assertThat(summary(events)).containsExactly("M thread_name 11:11: t",
                "B main 11@10000", "B f 11@10000",
                "E f 11@169000",
                "B g 11@261000",
                "E g 11@510000", "E main 11@510000");
    }

    @Test
    void endsTheFramesOfAThreadNeverSampledAgainAfterItsLastSample() throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, List.of(
                new Timed(stack(1, "t", 11, F, MAIN), 10_000_000),
                new Timed(stack(2, "u", 12, G), 10_000_000),
                new Timed(stack(2, "u", 12, G), 300_000_000))));

        // Thread 11 was last seen at 10 ms, long before the recording ended at 310 ms: it may have gone idle or
        // exited, so its frames end at 20 ms rather than being drawn busy to the end.
        assertThat(summary(events)).containsExactly("M thread_name 11:11: t", "M thread_name 12:12: u",
                "B main 11@10000", "B f 11@10000", "B g 12@10000",
                "E f 11@20000", "E main 11@20000",
                "E g 12@310000");
    }

    @Test
    void comparesLinesOnlyWhenTheyAreShown() throws IOException {
        List<Timed> samples = List.of(
                new Timed(stack(1, "t", 11, frame("f", "/a.py", 1)), 0),
                new Timed(stack(1, "t", 11, frame("f", "/a.py", 2)), 10_000_000));

        assertThat(summary(TraceChecks.balancedEvents(Traces.write(format(), Traces.WITHOUT_LINES, samples))))
                .containsExactly("M thread_name 11:11: t", "B f 11@0", "E f 11@20000");
        JsonNode withLines = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, samples));
        assertThat(summary(withLines)).containsExactly("M thread_name 11:11: t", "B f 11@0", "E f 11@10000",
                "B f 11@10000", "E f 11@20000");
        assertThat(withLines.get(1).at("/args/line").asInt()).isEqualTo(1);
        assertThat(TraceChecks.balancedEvents(Traces.write(format(), Traces.WITHOUT_LINES, samples))
                .get(1).at("/args/line").isNull()).isTrue();
    }

    @Test
    void namesProcessesOfATreeAndKeepsTheirThreadsApart() throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, List.of(
                new Timed(Traces.inProcess(stack(0x7f00, "MainThread", 21, MAIN), 20, "python a.py"), 0),
                new Timed(Traces.inProcess(stack(0x7f00, "MainThread", 31, MAIN), 30, "python b.py"), 0))));

        assertThat(summary(events)).startsWith(
                "M process_name 0:python a.py",
                "M process_name 0:python b.py",
                "M thread_name 21:21: MainThread",
                "M thread_name 31:31: MainThread");
        assertThat(events).extracting(event -> event.get("pid").asInt()).startsWith(20, 30, 20, 30);
    }

    @Test
    void replacesUnpairedSurrogatesWhichUtf8CannotEncode() throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES,
                List.of(new Timed(stack(1, "t\ud800", 11, frame("caf\udce9", "/app/\udce9.py", 1)), 0))));

        assertThat(events.at("/0/args/name").asText()).isEqualTo("11: t\uFFFD");
        assertThat(events.at("/1/name").asText()).isEqualTo("caf\uFFFD");
        assertThat(events.at("/1/args/filename").asText()).isEqualTo("/app/\uFFFD.py");
    }

    @Test
    void announcesLikePySpy() {
        var recorder = format().newRecorder(Traces.WITH_LINES);

        assertThat(recorder.announce("t.json")).isEqualTo("Wrote chrome trace to 't.json'");
        assertThat(recorder.hint()).isEqualTo("Visit chrome://tracing or https://ui.perfetto.dev/ to view");
    }

    @Property(tries = 300)
    void anyRecordingGivesABalancedTraceInTimeOrder(@ForAll("recordings") List<Timed> samples) throws IOException {
        JsonNode events = TraceChecks.balancedEvents(Traces.write(format(), Traces.WITH_LINES, samples));

        long begins = 0;
        for (JsonNode event : events) {
            begins += event.get("ph").asText().equals("B") ? 1 : 0;
        }
        assertThat(begins).isGreaterThanOrEqualTo(samples.stream().mapToLong(s -> s.trace().frames().isEmpty() ? 0 : 1)
                .max().orElse(0));
    }

    @Provide
    Arbitrary<List<Timed>> recordings() {
        return RecordingArbitraries.recordings();
    }
}
