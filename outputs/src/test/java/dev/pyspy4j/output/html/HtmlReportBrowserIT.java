// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.output.BrowserCheck;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report in a real browser: {@code src/test/browser/html-report-check.mjs} opens written reports in Debian's
 * headless Chromium (through puppeteer-core), searches, clicks a frame, sorts the table, picks a function's lines
 * and a thread, and reports what it saw; this test judges that (see {@link BrowserCheck} for what it needs). The
 * recording is built from known stacks over a source file written here, so every number is exact. The check also
 * leaves a screenshot, {@code target/html-browser/report.png}.
 */
class HtmlReportBrowserIT {
    private static final Path CHECK = Path.of("src", "test", "browser", "html-report-check.mjs");
    private static final Path WORK = Path.of("target", "html-browser");
    /** Margin left and right of the bars. */
    private static final double PAD = 10;
    /** Frames of the deep recording: more rows than a canvas can be tall. */
    private static final int DEEP = 3000;

    private static JsonNode seen;
    private static Path source;

    @BeforeAll
    static void openTheReportsInChromium() throws IOException, InterruptedException {
        BrowserCheck.requireTools();
        Files.createDirectories(WORK);
        source = Files.writeString(WORK.resolve("app.py").toAbsolutePath(), String.join("\n",
                IntStream.rangeClosed(1, 45).mapToObj(line -> "source line " + line).toList()) + "\n");
        Path report = Files.write(WORK.resolve("report.html"), Traces.write(new HtmlFormat(), Traces.WITH_LINES,
                profile()));
        Path empty = Files.write(WORK.resolve("empty.html"), Traces.write(new HtmlFormat(), Traces.WITH_LINES,
                List.of()));
        Path noLines = Files.write(WORK.resolve("nolineno.html"), Traces.write(new HtmlFormat(),
                Traces.WITHOUT_LINES, profile()));
        Frame hostile = frame("</script><script>window.injected=true</script><b>bold</b>\"'", "/app/<b>.py", 1);
        Path hostileReport = Files.write(WORK.resolve("hostile.html"), Traces.write(new HtmlFormat(),
                new OutputSettings("</title><script>window.injected=true</script>", 100, true, "pyspy4j test"),
                List.of(new Timed(stack(1, "<img src=x onerror=window.injected=true>", 1, hostile), 0))));
        Frame[] recursion = new Frame[DEEP];
        for (int i = 0; i < DEEP; i++) {
            recursion[i] = frame("descend", "/app/deep.py", 1 + i % 2);
        }
        Path deep = Files.write(WORK.resolve("deep.html"), Traces.write(new HtmlFormat(), Traces.WITH_LINES,
                List.of(new Timed(stack(1, "MainThread", 1, recursion), 0))));
        seen = new ObjectMapper().readTree(BrowserCheck.run(CHECK, WORK, abs(report), "compute (app.py:17)",
                "transform", "transform", "0", abs(empty), abs(noLines), abs(hostileReport), abs(deep),
                abs(WORK.resolve("report.png"))));
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().toString();
    }

    private static Frame at(String name, int line) {
        return frame(name, source.toString(), line);
    }

    /**
     * 14 samples. MainThread (10): compute at line 17 calls transform at line 7 (4) and line 6 (2); compute at line
     * 16 calls parse (2); main calls write_report (2). worker-1 (4): run calls transform at line 7.
     */
    private static List<Timed> profile() {
        Frame module = at("<module>", 30);
        Frame mainCompute = at("main", 21);
        Frame computeTransform = at("compute", 17);
        List<Timed> samples = new ArrayList<>();
        add(samples, 4, 1, "MainThread", at("transform", 7), computeTransform, mainCompute, module);
        add(samples, 2, 1, "MainThread", at("transform", 6), computeTransform, mainCompute, module);
        add(samples, 2, 1, "MainThread", at("parse", 12), at("compute", 16), mainCompute, module);
        add(samples, 2, 1, "MainThread", at("write_report", 26), at("main", 22), module);
        add(samples, 4, 2, "worker-1", at("transform", 7), at("run", 40));
        return samples;
    }

    private static void add(List<Timed> samples, int count, long thread, String name, Frame... leafFirst) {
        for (int i = 0; i < count; i++) {
            samples.add(new Timed(stack(thread, name, thread, leafFirst), samples.size() * 10_000_000L));
        }
    }

    @Test
    void loadsWithoutErrorsAndWithoutAnyRequest() {
        for (JsonNode log : List.of(seen.get("log"), seen.at("/empty/log"), seen.at("/noLines/log"),
                seen.at("/hostile/log"), seen.at("/deep/log"))) {
            assertThat(log.get("errors")).as("page errors").isEmpty();
            assertThat(log.get("requests")).as("requests").isEmpty();
            assertThat(texts(log.get("console"))).as("console").noneMatch(line -> line.startsWith("error"));
        }
        JsonNode loaded = seen.get("loaded");
        assertThat(loaded.get("title").asText()).isEqualTo(Traces.WITH_LINES.title() + " \u2014 pyspy4j");
        assertThat(loaded.get("summary").asText()).startsWith("14 samples at 100 Hz (0.14 s of CPU time) \u00b7 2 threads");
        assertThat(texts(loaded.get("threads")))
                .containsExactly("All threads (14 samples)", "MainThread (1) (10 samples)", "worker-1 (2) (4 samples)");
        // The whole graph: "all" spans the width.
        assertSpansTheWidth(loaded, drawn(loaded, "all"));
    }

    @Test
    void searchHighlightsTheMatchingFramesAndShowsTheirShare() {
        JsonNode searched = seen.get("searched");
        assertThat(searched.get("matched").asText()).isEqualTo("Matched: 71.43% (10 of 14 samples)");
        List<String> highlighted = new ArrayList<>();
        for (JsonNode frame : searched.get("frames")) {
            if (frame.get("highlighted").asBoolean()) {
                highlighted.add(frame.get("label").asText());
            }
        }
        assertThat(highlighted).containsExactlyInAnyOrder("transform (app.py:7)", "transform (app.py:6)",
                "transform (app.py:7)");
        assertThat(rowsWhere(searched, "transform")).isNotEmpty();
    }

    @Test
    void aClickZoomsIntoTheFrameWhichThenSpansTheWidth() {
        assertThat(seen.get("hoverDetails").asText()).isEqualTo("compute (app.py:17) \u2014 6 samples, 42.86%");
        for (String state : new String[] {"zoomed", "icicle"}) {
            JsonNode view = seen.get(state);
            assertSpansTheWidth(view, drawn(view, "compute (app.py:17)"));
            assertThat(drawn(view, "main (app.py:21)").get("ancestor").asBoolean()).isTrue();
            assertThat(labels(view)).doesNotContain("write_report (app.py:26)", "run (app.py:40)");
            JsonNode transform = drawn(view, "transform (app.py:7)");
            double span = view.at("/canvas/width").asDouble() - 2 * PAD;
            assertThat(transform.get("right").asDouble() - transform.get("left").asDouble())
                    .isCloseTo(span * 4 / 6, within(0.5));
            assertThat(view.get("resetShown").asBoolean()).isTrue();
        }
        // Flame graph: the root at the bottom; icicle: at the top.
        assertThat(drawn(seen.get("zoomed"), "all").get("top").asDouble())
                .isGreaterThan(drawn(seen.get("zoomed"), "compute (app.py:17)").get("top").asDouble());
        assertThat(drawn(seen.get("icicle"), "all").get("top").asDouble())
                .isLessThan(drawn(seen.get("icicle"), "compute (app.py:17)").get("top").asDouble());
    }

    @Test
    void escapeResetsZoomAndSearch() {
        JsonNode escaped = seen.get("escaped");
        assertThat(escaped.get("resetShown").asBoolean()).isFalse();
        assertThat(escaped.get("matched").asText()).isEmpty();
        assertThat(labels(escaped)).contains("write_report (app.py:26)", "run (app.py:40)");
        assertSpansTheWidth(escaped, drawn(escaped, "all"));
    }

    @Test
    void theTableListsOwnAndTotalSamplesAndSortsOnAClickOnAHeader() {
        // By own samples at first.
        JsonNode loaded = seen.get("loaded");
        assertThat(texts(loaded.get("sortedBy"))).containsExactly("own descending");
        assertThat(loaded.get("rows").get(0)).extracting(JsonNode::asText)
                .containsExactly("transform", "app.py", "10", "71.43%", "10", "71.43%");
        assertThat(rowsWhere(loaded, "<module>")).containsExactly("<module>", "app.py", "0", "0.00%", "10", "71.43%");
        assertThat(rowsWhere(loaded, "compute")).containsExactly("compute", "app.py", "0", "0.00%", "8", "57.14%");
        assertThat(column(seen.get("sortedByName"), 0))
                .containsExactly("<module>", "compute", "main", "parse", "run", "transform", "write_report");
        assertThat(column(seen.get("sortedByNameDescending"), 0))
                .containsExactly("write_report", "transform", "run", "parse", "main", "compute", "<module>");
        assertThat(texts(seen.get("sortedByTotal").get("sortedBy"))).containsExactly("total descending");
        assertThat(column(seen.get("sortedByTotal"), 4)).containsExactly("10", "10", "10", "8", "4", "2", "2");
    }

    @Test
    void theLineViewShowsTheSampledLinesOfAFunctionWithTheirCounts() {
        JsonNode view = seen.get("lines");
        assertThat(view.get("sourceTitle").asText()).isEqualTo("transform \u2014 " + source);
        // Lines 3 to 10: lines 6 and 7 with three lines of context each side.
        List<List<String>> lines = rows(view.get("lines"));
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).containsExactly("3", "", "", "source line 3");
        assertThat(lines.get(3)).containsExactly("6", "2", "2", "source line 6");
        assertThat(lines.get(4)).containsExactly("7", "8", "8", "source line 7");
        assertThat(lines.get(7)).containsExactly("10", "", "", "source line 10");
    }

    @Test
    void theThreadFilterChangesTheGraphTheTableAndTheLines() {
        JsonNode main = seen.get("oneThread");
        assertThat(rowsWhere(main, "transform")).containsExactly("transform", "app.py", "6", "60.00%", "6", "60.00%");
        assertThat(rowsWhere(main, "run")).isEmpty();
        assertThat(labels(main)).doesNotContain("run (app.py:40)");
        assertThat(rows(main.get("lines")).get(4)).containsExactly("7", "4", "4", "source line 7");
        JsonNode all = seen.get("allAgain");
        assertThat(rowsWhere(all, "transform")).containsExactly("transform", "app.py", "10", "71.43%", "10", "71.43%");
        assertThat(rows(all.get("lines")).get(4)).containsExactly("7", "8", "8", "source line 7");
    }

    @Test
    void anEmptyRecordingSaysNoSamples() {
        JsonNode empty = seen.get("empty");
        assertThat(empty.get("noSamplesShown").asBoolean()).isTrue();
        assertThat(empty.get("summary").asText()).isEqualTo("No samples");
        assertThat(empty.get("functionsNote").asText()).isEqualTo("No samples");
        assertThat(empty.get("rows")).isEmpty();
    }

    @Test
    void withoutLineNumbersTheLineViewSaysSo() {
        JsonNode noLines = seen.get("noLines");
        assertThat(noLines.get("sourceNote").asText())
                .isEqualTo("No line numbers were recorded (--nolineno), so there is no line view.");
        assertThat(noLines.get("lines")).isEmpty();
        assertThat(labels(noLines)).contains("transform (app.py)");
    }

    @Test
    void hostileNamesAreShownAsTextAndRunNothing() {
        JsonNode hostile = seen.get("hostile");
        assertThat(hostile.get("injected").asBoolean()).isFalse();
        assertThat(hostile.get("rows").get(0).get(0).asText())
                .isEqualTo("</script><script>window.injected=true</script><b>bold</b>\"'");
        assertThat(texts(hostile.get("threads")).get(1)).startsWith("<img src=x onerror=window.injected=true> (1)");
        assertThat(hostile.get("sourceNote").asText()).isEqualTo("Source not readable: no such file here.");
    }

    @Test
    void aStackDeeperThanACanvasCanBeIsCutWithANoteAndItsRecursionCountedOnce() {
        JsonNode deep = seen.get("deep");
        assertThat(deep.at("/canvas/pixelHeight").asInt()).isPositive().isLessThanOrEqualTo(30_000);
        assertThat(deep.get("graphNote").asText()).startsWith("Stacks deeper than ").endsWith(" frames are cut here; "
                + "click a deep frame to zoom into it.");
        assertThat(deep.get("frames").size()).isBetween(1000, DEEP);
        assertThat(seen.at("/loaded/graphNote").asText()).isEmpty();
        // One sample of a 3,000-deep recursion: the function's total counts it once, and so does each line's.
        assertThat(rowsWhere(deep, "descend")).containsExactly("descend", "deep.py", "1", "100.00%", "1", "100.00%");
        assertThat(rows(deep.get("lines"))).containsExactly(List.of("1", "1", "1", ""), List.of("2", "0", "1", ""));
        assertThat(deep.get("sourceNote").asText()).isEqualTo("Source not readable: no such file here.");
    }

    private static void assertSpansTheWidth(JsonNode view, JsonNode frame) {
        JsonNode canvas = view.get("canvas");
        assertThat(frame.get("left").asDouble()).as("left edge of " + frame.get("label"))
                .isCloseTo(canvas.get("left").asDouble() + PAD, within(0.5));
        assertThat(frame.get("right").asDouble()).as("right edge of " + frame.get("label"))
                .isCloseTo(canvas.get("right").asDouble() - PAD, within(0.5));
    }

    private static JsonNode drawn(JsonNode view, String label) {
        for (JsonNode frame : view.get("frames")) {
            if (frame.get("label").asText().equals(label)) {
                return frame;
            }
        }
        throw new AssertionError("no drawn frame labelled '" + label + "' among " + labels(view));
    }

    private static List<String> labels(JsonNode view) {
        return StreamSupport.stream(view.get("frames").spliterator(), false).map(f -> f.get("label").asText())
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<List<String>> rows(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(HtmlReportBrowserIT::texts).toList();
    }

    private static List<String> rowsWhere(JsonNode view, String function) {
        return rows(view.get("rows")).stream().filter(row -> row.get(0).equals(function)).findFirst()
                .orElse(List.of());
    }

    private static List<String> column(JsonNode view, int index) {
        return rows(view.get("rows")).stream().map(row -> row.get(index)).toList();
    }
}
