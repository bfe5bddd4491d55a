// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.pseudo;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Firefox Profiler file: valid processed profile tables, one track per thread, samples at their times. */
class GeckoFormatTest extends OutputFormatContract {
    private static final Frame MODULE = frame("<module>", "/app/main.py", 30);
    private static final Frame MAIN = frame("main", "/app/main.py", 7);
    private static final Frame WORK = frame("work", "/app/lib/work.py", 12);

    @Override
    protected OutputFormat format() {
        return new GeckoFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        JsonNode profile = GeckoProfiles.valid(written);
        List<String> names = new ArrayList<>();
        for (JsonNode thread : profile.get("threads")) {
            thread.at("/funcTable/name").forEach(name -> names.add(thread.get("stringArray").get(name.asInt())
                    .asText()));
        }
        assertThat(names).containsAll(functionNames);
    }

    @Test
    void showsTheRecordingsCountsAsASectionOfTheProfilesInformation() throws IOException {
        List<Timed> samples = List.of(new Timed(stack(0x7f01L, "worker", 11, WORK), 0));
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("torn stack", 3L);
        reasons.put("unreadable memory", 1L);

        JsonNode told = GeckoProfiles.valid(Traces.write(format(), Traces.WITH_LINES, samples,
                new RecordingCounts(12, 8, reasons)));
        JsonNode untold = GeckoProfiles.write(Traces.WITH_LINES, samples);

        assertThat(told.at("/meta/extra")).hasSize(1);
        assertThat(told.at("/meta/extra/0/label").asText()).isEqualTo("Sampling");
        List<String> entries = new ArrayList<>();
        told.at("/meta/extra/0/entries").forEach(entry -> entries.add(entry.get("label").asText() + " "
                + entry.get("format").asText() + " " + entry.get("value").asLong()));
        assertThat(entries).containsExactly("Rounds integer 12", "Samples integer 8", "Errors integer 4",
                "Errors: torn stack integer 3", "Errors: unreadable memory integer 1");
        assertThat(untold.get("meta").has("extra")).isFalse();
    }

    @Test
    void writesEachThreadAsATrackNamedByItsNameAndId() throws IOException {
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, List.of(
                new Timed(new StackTrace(10, 0x7f00L, "MainThread", 10, true, true, List.of(MAIN), null), 0),
                new Timed(stack(0x7f01L, "worker", 11, WORK), 0),
                new Timed(stack(0x7f02L, null, 0, WORK), 0)));

        JsonNode main = GeckoProfiles.thread(profile, "MainThread (10)");
        assertThat(main.get("pid").asText()).isEqualTo("10");
        assertThat(main.get("tid").asLong()).isEqualTo(10);
        assertThat(main.get("isMainThread").asBoolean()).isTrue();
        assertThat(main.get("processName").asText()).isEqualTo("Python");
        JsonNode worker = GeckoProfiles.thread(profile, "worker (11)");
        assertThat(worker.get("isMainThread").asBoolean()).isFalse();
        // Without an OS thread id, the interpreter's pthread id names the thread.
        assertThat(GeckoProfiles.thread(profile, "Thread (0x7F02)").get("tid").asText()).isEqualTo("0x7F02");
    }

    @Test
    void writesSampleTimesInMillisecondsSinceTheStart() throws IOException {
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, List.of(
                new Timed(stack(1, "t", 11, MAIN, MODULE), 2_500_000),
                new Timed(stack(1, "t", 11, WORK, MAIN, MODULE), 12_500_000),
                new Timed(stack(1, "t", 11, MAIN, MODULE), 1_012_500_000)));

        JsonNode thread = GeckoProfiles.thread(profile, "t (11)");
        assertThat(List.of(thread.at("/samples/time").get(0).asDouble(), thread.at("/samples/time").get(1).asDouble(),
                thread.at("/samples/time").get(2).asDouble())).containsExactly(2.5, 12.5, 1012.5);
        assertThat(thread.at("/samples/weight").isNull()).isTrue();
        assertThat(profile.at("/meta/interval").asDouble()).isEqualTo(10.0);
        assertThat(profile.at("/meta/startTime").asLong()).isPositive();
        assertThat(profile.at("/meta/profilingStartTime").asDouble()).isZero();
        assertThat(profile.at("/meta/profilingEndTime").asDouble()).isEqualTo(1022.5);
    }

    @Test
    void keepsEveryStackRootFirstWithFilesAndLines() throws IOException {
        JsonNode thread = GeckoProfiles.thread(GeckoProfiles.write(Traces.WITH_LINES, List.of(
                new Timed(stack(1, "t", 11, WORK, MAIN, MODULE), 0),
                new Timed(stack(1, "t", 11, MAIN, MODULE), 10_000_000),
                new Timed(stack(1, "t", 11, frame("work", "/app/lib/work.py", 13), MAIN, MODULE), 20_000_000))),
                "t (11)");

        assertThat(GeckoProfiles.stack(thread, 0))
                .containsExactly("<module> /app/main.py:30", "main /app/main.py:7", "work /app/lib/work.py:12");
        assertThat(GeckoProfiles.stack(thread, 1)).containsExactly("<module> /app/main.py:30", "main /app/main.py:7");
        assertThat(GeckoProfiles.stack(thread, 2))
                .containsExactly("<module> /app/main.py:30", "main /app/main.py:7", "work /app/lib/work.py:13");
        // One function for work, two frames (lines 12 and 13); shared prefixes stored once.
        assertThat(thread.at("/funcTable/length").asInt()).isEqualTo(3);
        assertThat(thread.at("/frameTable/length").asInt()).isEqualTo(4);
        assertThat(thread.at("/stackTable/length").asInt()).isEqualTo(4);
    }

    @Test
    void leavesLinesOutWithNoLineNumbers() throws IOException {
        JsonNode thread = GeckoProfiles.thread(GeckoProfiles.write(Traces.WITHOUT_LINES, List.of(
                new Timed(stack(1, "t", 11, WORK, MAIN), 0),
                new Timed(stack(1, "t", 11, frame("work", "/app/lib/work.py", 13), MAIN), 10_000_000))), "t (11)");

        assertThat(GeckoProfiles.stack(thread, 0)).containsExactly("main /app/main.py", "work /app/lib/work.py");
        assertThat(thread.at("/samples/stack").get(1)).isEqualTo(thread.at("/samples/stack").get(0));
    }

    @Test
    void givesPseudoFramesNoFile() throws IOException {
        JsonNode thread = GeckoProfiles.thread(GeckoProfiles.write(Traces.WITH_LINES, List.of(
                new Timed(stack(1, "t", 11, MAIN, pseudo("thread (11): t")), 0))), "t (11)");

        assertThat(GeckoProfiles.stack(thread, 0)).containsExactly("thread (11): t -", "main /app/main.py:7");
    }

    @Test
    void putsTheLeafOfIdleSamplesInTheIdleCategory() throws IOException {
        OutputSettings idle = new OutputSettings("pyspy4j record --idle", 100, true, "pyspy4j test", true);
        JsonNode profile = GeckoProfiles.write(idle, List.of(
                new Timed(stack(1, "t", 11, WORK, MAIN), 0),
                new Timed(stack(1, "t", 11, WORK, MAIN).withActive(false), 10_000_000)));

        JsonNode thread = GeckoProfiles.thread(profile, "t (11)");
        assertThat(GeckoProfiles.leafCategory(profile, thread, 0)).isEqualTo("Python");
        assertThat(GeckoProfiles.leafCategory(profile, thread, 1)).isEqualTo("Idle");
        assertThat(GeckoProfiles.stack(thread, 1)).isEqualTo(GeckoProfiles.stack(thread, 0));
    }

    @Test
    void putsNativeFramesInTheNativeCategory() throws IOException {
        Frame memcpy = new Frame("memcpy", "libc.so.6", "/usr/lib/libc.so.6", "libc.so.6", 0, null, false, false);
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, List.of(new Timed(stack(1, "t", 11, memcpy, MAIN), 0)));

        assertThat(GeckoProfiles.leafCategory(profile, GeckoProfiles.thread(profile, "t (11)"), 0)).isEqualTo("Native");
    }

    @Test
    void namesEachProcessOfATree() throws IOException {
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, List.of(
                new Timed(Traces.inProcess(stack(1, "MainThread", 10, MAIN), 10, "python app.py"), 0),
                new Timed(Traces.inProcess(stack(1, "MainThread", 20, WORK), 20, "python child.py"), 0)));

        JsonNode parent = GeckoProfiles.thread(profile, "MainThread (10)");
        JsonNode child = GeckoProfiles.thread(profile, "MainThread (20)");
        assertThat(parent.get("pid").asText()).isEqualTo("10");
        assertThat(parent.get("processName").asText()).isEqualTo("python app.py");
        assertThat(child.get("pid").asText()).isEqualTo("20");
        assertThat(child.get("processName").asText()).isEqualTo("python child.py");
        assertThat(child.get("isMainThread").asBoolean()).isTrue();
    }

    @Test
    void weighsAReplayedStackByItsCount() throws IOException {
        Recorder recorder = format().newRecorder(Traces.WITH_LINES);
        recorder.record(stack(1, "t", 11, MAIN), 0);
        recorder.record(stack(1, "t", 11, WORK, MAIN), 10_000_000, 40);
        recorder.record(stack(1, "t", 11, MAIN), 410_000_000, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recorder.writeTo(out);

        JsonNode thread = GeckoProfiles.thread(GeckoProfiles.valid(out.toByteArray()), "t (11)");
        assertThat(thread.at("/samples/weight").toString()).isEqualTo("[1,40,2]");
        assertThat(thread.at("/samples/time").toString()).isEqualTo("[0.0,10.0,410.0]");
    }

    @Test
    void keepsOneHourOfASteadyDeepStackAsOneStackAndTwoColumnsOfSamples() {
        List<Frame> deep = new ArrayList<>();
        for (int depth = 0; depth < 200; depth++) {
            deep.add(frame("level" + depth, "/app/deep.py", depth + 1));
        }
        StackTrace trace = new StackTrace(10, 1, "t", 11, true, true, deep, null);
        GeckoThread thread = new GeckoThread(trace);
        int samples = 3600 * 100;
        StackTrace copy = trace.withFrames(copies(deep));
        for (int i = 0; i < samples; i++) {
            // Now and then equal frames in other objects, as a sampler gives after its frame cache lost them.
            thread.add(i % 1000 == 999 ? copy : trace, i * 10_000_000L, 1, true);
        }

        // Aggregated tables as large as the stack, whatever the length of the recording; a stack and a time per sample.
        assertThat(thread.stacks().size()).isEqualTo(200);
        assertThat(thread.frames().size()).isEqualTo(200);
        assertThat(thread.funcs().size()).isEqualTo(200);
        assertThat(thread.samples()).isEqualTo(samples);
        assertThat(thread.weighted()).isFalse();
    }

    private static List<Frame> copies(List<Frame> frames) {
        List<Frame> copied = new ArrayList<>();
        for (Frame frame : frames) {
            copied.add(frame(frame.name(), frame.filename(), frame.line()));
        }
        return copied;
    }

    @Test
    void writesAnEmptyRecordingAsOneTrackWithoutSamples() throws IOException {
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, List.of());

        assertThat(profile.get("threads")).hasSize(1);
        assertThat(GeckoProfiles.thread(profile, "No samples").at("/samples/length").asInt()).isZero();
        assertThat(profile.at("/meta/preprocessedProfileVersion").asInt()).isEqualTo(48);
    }

    @Test
    void writesOneLineOfUtf8WithTheCommandLineAsTheProduct() throws IOException {
        byte[] written = Traces.write(format(), Traces.WITH_LINES, List.of(new Timed(stack(1, "名前", 11, MAIN), 0)));
        String text = new String(written, StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\"meta\":{").endsWith("}\n").containsOnlyOnce("\n").contains("名前 (11)");
        assertThat(GeckoProfiles.valid(written).at("/meta/product").asText()).isEqualTo(Traces.WITH_LINES.title());
    }
}
