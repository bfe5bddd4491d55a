// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flame graph's script in a real browser: {@code src/test/browser/flamegraph-check.mjs} opens a written graph
 * in Debian's headless Chromium (through puppeteer-core), clicks, searches, reloads, resizes and embeds it, and
 * reports what it saw; this test judges that (see {@link BrowserCheck} for what it needs installed).
 */
class FlameGraphBrowserIT {
    private static final Path CHECK = Path.of("src", "test", "browser", "flamegraph-check.mjs");
    private static final Path WORK = Path.of("target", "flamegraph-browser");
    /** Margin left and right of the bars (the writer's standard geometry). */
    private static final double PAD = 10;
    private static final int NARROW = 900;
    private static final int WIDE = 1600;

    private static final Frame MODULE = frame("<module>", "/app/app.py", 30);
    private static final Frame MAIN = frame("main", "/app/app.py", 25);
    private static final Frame COMPUTE = frame("compute", "/app/app.py", 12);
    private static final String COMPUTE_LABEL = "compute (app.py:12)";
    private static final Frame TRANSFORM = frame("transform_every_record_of_the_batch", "/app/transform.py", 40);
    private static final String TRANSFORM_LABEL = "transform_every_record_of_the_batch (transform.py:40)";
    private static final Frame PARSE = frame("parse", "/usr/lib/python3.11/json/decoder.py", 353);
    private static final Frame REPORT = frame("write_report", "/app/report.py", 7);
    private static final String REPORT_LABEL = "write_report (report.py:7)";
    private static final String HIGHLIGHT = "rgb(230,0,230)";
    /** A command line as long as real ones get: wider than a 900 px window leaves for it, narrower than 1600 px. */
    private static final OutputSettings LONG_TITLE = new OutputSettings(
            "pyspy4j record --rate 250 --subprocesses -o /srv/profiles/nightly-batch.svg -- python -m batch.nightly "
                    + "--all", 100, true, "pyspy4j test");

    private static JsonNode seen;

    @BeforeAll
    static void openTheGraphInChromium() throws IOException, InterruptedException {
        BrowserCheck.requireTools();
        Files.createDirectories(WORK);
        Path graph = WORK.resolve("graph.svg");
        Files.write(graph, Traces.write(new FlameGraphFormat(), LONG_TITLE, profile()));
        Path empty = WORK.resolve("empty.svg");
        Files.write(empty, Traces.write(new FlameGraphFormat(), Traces.WITH_LINES, List.of()));
        seen = new ObjectMapper().readTree(runCheck(graph, COMPUTE_LABEL, "transform", empty));
    }

    /** 10 samples: compute (8) calls transform (6) and parse (2); main calls write_report (2). */
    private static List<Timed> profile() {
        List<Timed> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Frame[] leafFirst = i < 6 ? new Frame[] {TRANSFORM, COMPUTE, MAIN, MODULE}
                    : i < 8 ? new Frame[] {PARSE, COMPUTE, MAIN, MODULE} : new Frame[] {REPORT, MAIN, MODULE};
            samples.add(new Timed(stack(1, "MainThread", 1, leafFirst), i * 10_000_000L));
        }
        return samples;
    }

    @Test
    void fillsTheWindowAtAnyWidthWithTheSearchButtonInView() {
        for (String state : new String[] {"narrow", "wide"}) {
            JsonNode view = seen.get(state);
            int width = view.get("windowWidth").asInt();
            assertThat(width).as(state + ": window width").isEqualTo(state.equals("narrow") ? NARROW : WIDE);
            assertThat(view.get("svgWidth").asDouble()).as(state + ": rendered SVG width").isEqualTo(width);
            assertSearchButtonInView(state, view);
            assertSpansTheWidth(state, bar(view, "all"), width);
            assertThat(view.get("query").asText()).as(state + ": address query").isEmpty();
        }
        // Labels are fitted to the bars again: write_report's (2 samples of 10) is cut at 900 px, whole at 1600 px.
        assertThat(bar(seen.get("narrow"), REPORT_LABEL).get("text").asText()).as("label at 900 px")
                .isEqualTo("write_report (report.p..");
        assertThat(bar(seen.get("wide"), REPORT_LABEL).get("text").asText()).as("label at 1600 px")
                .isEqualTo(REPORT_LABEL);
    }

    @Test
    void aLongTitleIsCutToLeaveTheButtonsFreeAndShownWholeWhenThereIsRoom() {
        for (String state : new String[] {"narrow", "zoomed", "wide"}) {
            JsonNode view = seen.get(state);
            JsonNode title = view.get("title");
            assertThat(title.get("right").asDouble()).as(state + ": title's right edge")
                    .isLessThan(view.get("search").get("left").asDouble());
            if (view.get("resetShown").asBoolean()) {
                assertThat(title.get("left").asDouble()).as(state + ": title's left edge")
                        .isGreaterThan(view.get("reset").get("right").asDouble());
            }
        }
        String cut = seen.get("narrow").get("title").get("text").asText();
        assertThat(cut).as("title at 900 px").endsWith("..");
        assertThat(LONG_TITLE.title()).startsWith(cut.substring(0, cut.length() - 2));
        assertThat(seen.get("wide").get("title").get("text").asText()).as("title at 1600 px")
                .isEqualTo(LONG_TITLE.title());
    }

    @Test
    void pointingAtAFrameShowsItsTooltipInTheDetailsLine() {
        assertThat(seen.get("hoverDetails").asText()).isEqualTo("Function: " + COMPUTE_LABEL + " (8 samples, 80.00%)");
    }

    @Test
    void aClickZoomsAndPutsTheFrameInTheAddressWhichRestoresItOnReload() {
        for (String state : new String[] {"zoomed", "zoomReloaded"}) {
            JsonNode view = seen.get(state);
            assertThat(view.get("query").asText()).as(state + ": address query").isEqualTo("?x=0&y=84");
            assertSpansTheWidth(state, bar(view, COMPUTE_LABEL), NARROW);
            assertThat(bar(view, "main (app.py:25)").get("ancestor").asBoolean()).as(state + ": main is an ancestor")
                    .isTrue();
            assertThat(labels(view)).as(state + ": frames shown").doesNotContain(REPORT_LABEL);
            // transform holds 6 of compute's 8 samples.
            JsonNode transform = bar(view, TRANSFORM_LABEL);
            assertThat(transform.get("right").asDouble() - transform.get("left").asDouble())
                    .as(state + ": transform's width").isCloseTo((NARROW - 2 * PAD) * 6 / 8, within(0.5));
            assertThat(view.get("resetShown").asBoolean()).as(state + ": Reset Zoom shown").isTrue();
        }
    }

    @Test
    void aSearchGoesIntoTheAddressAndIsRestoredOnReloadWithTheZoom() {
        for (String state : new String[] {"searched", "searchReloaded"}) {
            JsonNode view = seen.get(state);
            assertThat(view.get("query").asText()).as(state + ": address query").isEqualTo("?x=0&y=84&s=transform");
            assertThat(view.get("matched").asText()).as(state + ": matched line").isEqualTo("Matched: 60.00%");
            assertThat(view.get("search").get("text").asText()).as(state + ": search button")
                    .isEqualTo("Reset Search");
            assertThat(bar(view, TRANSFORM_LABEL).get("fill").asText()).as(state + ": highlight").isEqualTo(HIGHLIGHT);
            assertThat(bar(view, COMPUTE_LABEL).get("fill").asText()).as(state + ": not a match").isNotEqualTo(HIGHLIGHT);
            assertSpansTheWidth(state, bar(view, COMPUTE_LABEL), NARROW);
        }
    }

    @Test
    void aResizedWindowIsDrawnAgainKeepingZoomAndSearch() {
        JsonNode view = seen.get("resizedWide");
        assertThat(view.get("svgWidth").asDouble()).as("rendered SVG width after resizing").isEqualTo(WIDE);
        assertSearchButtonInView("resizedWide", view);
        assertSpansTheWidth("resizedWide", bar(view, COMPUTE_LABEL), WIDE);
        assertThat(view.get("matched").asText()).isEqualTo("Matched: 60.00%");
        assertThat(bar(view, TRANSFORM_LABEL).get("text").asText()).isEqualTo(TRANSFORM_LABEL);
    }

    @Test
    void escapeResetsZoomAndSearchAndClearsTheAddress() {
        JsonNode view = seen.get("escaped");
        assertThat(view.get("query").asText()).as("address query after Escape").isEmpty();
        assertThat(view.get("resetShown").asBoolean()).isFalse();
        assertThat(view.get("matched").asText()).isBlank();
        assertThat(labels(view)).contains(REPORT_LABEL);
        assertSpansTheWidth("escaped", bar(view, "all"), WIDE);
    }

    @Test
    void anEmptyRecordingSaysSoInTheMiddleOfTheWindow() {
        JsonNode empty = seen.get("empty");
        assertThat(empty.get("text").asText()).isEqualTo(SvgWriter.NO_SAMPLES);
        assertThat(empty.get("centre").asDouble()).as("centre of the message")
                .isCloseTo(empty.get("windowWidth").asDouble() / 2, within(1.0));
    }

    @Test
    void anImageKeepsTheWidthItWasWrittenWithAndAFrameFillsItsWidth() {
        JsonNode embedded = seen.get("embedded");
        int nominal = Geometry.STANDARD.width();
        assertThat(embedded.get("image").get("naturalWidth").asInt()).as("<img> natural width").isEqualTo(nominal);
        assertThat(embedded.get("image").get("width").asDouble()).as("<img> width").isEqualTo(nominal);
        // The <iframe> is 700 px wide.
        assertThat(embedded.get("framed").get("svgWidth").asDouble()).as("width in an <iframe>").isEqualTo(700);
        assertThat(embedded.get("framed").get("searchRight").asDouble()).as("Search button's right edge in an <iframe>")
                .isEqualTo(700 - PAD);
    }

    private static void assertSearchButtonInView(String state, JsonNode view) {
        JsonNode search = view.get("search");
        assertThat(search.get("left").asDouble()).as(state + ": Search button's left edge").isGreaterThanOrEqualTo(0);
        assertThat(search.get("right").asDouble()).as(state + ": Search button's right edge")
                .isLessThanOrEqualTo(view.get("windowWidth").asDouble());
    }

    private static void assertSpansTheWidth(String state, JsonNode bar, int width) {
        assertThat(bar.get("left").asDouble()).as(state + ": left edge of " + bar.get("label")).isCloseTo(PAD,
                within(0.5));
        assertThat(bar.get("right").asDouble()).as(state + ": right edge of " + bar.get("label"))
                .isCloseTo(width - PAD, within(0.5));
    }

    private static List<String> labels(JsonNode view) {
        return StreamSupport.stream(view.get("frames").spliterator(), false).map(f -> f.get("label").asText())
                .toList();
    }

    private static JsonNode bar(JsonNode view, String label) {
        for (JsonNode frame : view.get("frames")) {
            if (frame.get("label").asText().equals(label)) {
                return frame;
            }
        }
        throw new AssertionError("no visible frame labelled '" + label + "' among " + labels(view));
    }

    /** Runs the browser check and returns what it printed. */
    private static String runCheck(Path graph, String clickLabel, String searchTerm, Path emptyGraph)
            throws IOException, InterruptedException {
        return BrowserCheck.run(CHECK, WORK, graph.toAbsolutePath().toString(), clickLabel, searchTerm,
                emptyGraph.toAbsolutePath().toString());
    }
}
