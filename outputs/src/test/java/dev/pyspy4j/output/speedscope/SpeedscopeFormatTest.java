// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.pseudo;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.RecordingCounts;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The speedscope file: valid against speedscope's schema, with py-spy's profiles, frames and weights. */
class SpeedscopeFormatTest extends OutputFormatContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Frame MAIN = frame("main", "/app/main.py", 7);
    private static final Frame WORK = frame("work", "/app/lib/work.py", 12);

    @Override
    protected OutputFormat format() {
        return new SpeedscopeFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        JsonNode file = validFile(written);
        List<String> names = new ArrayList<>();
        file.at("/shared/frames").forEach(frame -> names.add(frame.get("name").asText()));
        assertThat(names).containsAll(functionNames);
    }

    /** Parses {@code written} and checks it against the schema. */
    static JsonNode validFile(byte[] written) throws IOException {
        JsonNode file = JSON.readTree(written);
        assertThat(JsonSchemaCheck.speedscope().violations(file)).isEmpty();
        return file;
    }

    private JsonNode write(List<Timed> samples, boolean lineNumbers) throws IOException {
        return validFile(Traces.write(format(), lineNumbers ? Traces.WITH_LINES : Traces.WITHOUT_LINES, samples));
    }

    @Test
    void writesPySpysTopLevelLayoutOnOneLine() throws IOException {
        byte[] written = Traces.write(format(), Traces.WITH_LINES, List.of(new Timed(stack(1, "t", 11, MAIN), 0)));
        String text = new String(written, StandardCharsets.UTF_8);

        assertThat(text)
                .startsWith("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"profiles\":[")
                .endsWith(",\"activeProfileIndex\":0,\"exporter\":\"pyspy4j test\","
                        + "\"name\":\"pyspy4j record -o out -- python app.py\"}\n")
                .containsOnlyOnce("\n");
    }

    @Test
    void carriesTheRecordingsCountsUnderAKeyOfItsOwnWhichTheSchemaAccepts() throws IOException {
        List<Timed> samples = List.of(new Timed(stack(1, "t", 11, MAIN), 0));

        JsonNode told = validFile(Traces.write(format(), Traces.WITH_LINES, samples,
                new RecordingCounts(10, 7, Map.of("torn stack", 2L))));
        JsonNode untold = validFile(Traces.write(format(), Traces.WITH_LINES, samples));

        JsonNode counts = told.get(SpeedscopeWriter.COUNTS_FIELD);
        assertThat(counts.get("rounds").asLong()).isEqualTo(10);
        assertThat(counts.get("samples").asLong()).isEqualTo(7);
        assertThat(counts.get("errors").asLong()).isEqualTo(2);
        assertThat(counts.at("/errorsByReason/torn stack").asLong()).isEqualTo(2);
        assertThat(counts.get("errorsByReason")).hasSize(1);
        assertThat(untold.has(SpeedscopeWriter.COUNTS_FIELD)).isFalse();
    }

    @Test
    void writesOneSampledProfilePerThreadSortedByNameWithFramesRootFirst() throws IOException {
        JsonNode file = write(List.of(
                new Timed(stack(2, "worker", 12, WORK, MAIN), 0),
                new Timed(stack(1, "MainThread", 11, MAIN), 0),
                new Timed(stack(3, null, 0, WORK), 0)), true);

        assertThat(file.at("/profiles")).extracting(profile -> profile.get("name").asText())
                .containsExactly("Thread 0x3 \"\"", "Thread 11 \"MainThread\"", "Thread 12 \"worker\"");
        JsonNode worker = file.at("/profiles/2");
        assertThat(worker.get("type").asText()).isEqualTo("sampled");
        assertThat(worker.get("unit").asText()).isEqualTo("seconds");
        assertThat(worker.at("/samples/0").toString()).isEqualTo("[1,0]");
        assertThat(file.at("/shared/frames").toString()).isEqualTo("[{\"name\":\"work\",\"file\":\"/app/lib/work.py\","
                + "\"line\":12},{\"name\":\"main\",\"file\":\"/app/main.py\",\"line\":7}]");
    }

    @Test
    void namesProfilesByProcessWhenSamplingAProcessTree() throws IOException {
        JsonNode file = write(List.of(new Timed(Traces.inProcess(stack(1, "MainThread", 21, MAIN), 20, "python a.py"),
                0)), true);

        assertThat(file.at("/profiles/0/name").asText()).isEqualTo("Process 20 Thread 21 \"MainThread\"");
    }

    @Test
    void leavesLinesOutWhenHiddenOrUnknownAndMergesFramesThatDifferOnlyInLine() throws IOException {
        JsonNode hidden = write(List.of(
                new Timed(stack(1, "t", 11, frame("work", "/app/lib/work.py", 12)), 0),
                new Timed(stack(1, "t", 11, frame("work", "/app/lib/work.py", 13)), 10_000_000)), false);
        JsonNode unknown = write(List.of(new Timed(stack(1, "t", 11, pseudo("thread (11): t")), 0)), true);

        assertThat(hidden.at("/shared/frames").toString())
                .isEqualTo("[{\"name\":\"work\",\"file\":\"/app/lib/work.py\"}]");
        assertThat(hidden.at("/profiles/0/samples").toString()).isEqualTo("[[0]]");
        assertThat(hidden.at("/profiles/0/weights").toString()).isEqualTo("[0.02]");
        assertThat(unknown.at("/shared/frames").toString()).isEqualTo("[{\"name\":\"thread (11): t\",\"file\":\"\"}]");
    }

    @Test
    void weighsSamplesByTheIntervalAndFillsUnsampledTimeWithIdleEntries() throws IOException {
        // Sampled at 100 Hz: 10 ms, 20 ms, 30 ms, then nothing until 100 ms.
        JsonNode profile = write(List.of(
                new Timed(stack(1, "t", 11, MAIN), 10_000_000),
                new Timed(stack(1, "t", 11, MAIN), 20_000_000),
                new Timed(stack(1, "t", 11, WORK, MAIN), 30_000_000),
                new Timed(stack(1, "t", 11, MAIN), 100_000_000)), true).at("/profiles/0");

        assertThat(profile.get("samples").toString()).isEqualTo("[[],[0],[0,1],[],[0]]");
        assertThat(profile.get("weights").toString()).isEqualTo("[0.01,0.02,0.01,0.06,0.01]");
        assertThat(profile.get("startValue").asDouble()).isZero();
        assertThat(profile.get("endValue").asDouble()).isCloseTo(0.11, offset(1e-9));
    }

    @Test
    void replacesUnpairedSurrogatesWhichUtf8CannotEncode() throws IOException {
        JsonNode file = write(List.of(new Timed(stack(1, "t\ud800", 11, frame("caf\udce9", "/app/\udce9.py", 1)), 0)),
                true);

        assertThat(file.at("/shared/frames/0/name").asText()).isEqualTo("caf\uFFFD");
        assertThat(file.at("/shared/frames/0/file").asText()).isEqualTo("/app/\uFFFD.py");
        assertThat(file.at("/profiles/0/name").asText()).isEqualTo("Thread 11 \"t\uFFFD\"");
    }

    @Test
    void announcesLikePySpy() {
        var recorder = format().newRecorder(Traces.WITH_LINES);

        assertThat(recorder.announce("p.json")).isEqualTo("Wrote speedscope file to 'p.json'");
        assertThat(recorder.hint()).isEqualTo("Visit https://www.speedscope.app/ to view");
    }
}
