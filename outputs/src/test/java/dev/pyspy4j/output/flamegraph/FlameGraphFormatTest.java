// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.RecordingArbitraries;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.support.FrameLabels;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The flame graph SVG: well-formed, every frame in it, the frames where the layout puts them. */
class FlameGraphFormatTest extends OutputFormatContract {
    @Override
    protected OutputFormat format() {
        return new FlameGraphFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        Document svg = SvgDocuments.parse(written);
        List<String> tooltips = SvgDocuments.frames(svg).stream().map(g -> SvgDocuments.child(g, "title")).toList();
        for (String name : functionNames) {
            assertThat(tooltips).anySatisfy(tooltip -> assertThat(tooltip).startsWith(name + " ("));
        }
        if (functionNames.isEmpty()) {
            assertThat(tooltips).isEmpty();
            assertThat(SvgDocuments.byId(svg, "message").getTextContent()).isEqualTo("No samples");
        }
    }

    @Test
    void drawsAnIcicleGraphWithTheRootOnTopAndSiblingsInLabelOrder() throws IOException {
        Frame main = frame("main", "/app/main.py", 1);
        List<Timed> samples = List.of(
                new Timed(stack(1, "t", 1, frame("zeta", "/app/z.py", 2), main), 1),
                new Timed(stack(1, "t", 1, frame("alpha", "/app/a.py", 3), main), 2),
                new Timed(stack(1, "t", 1, frame("alpha", "/app/a.py", 3), main), 3),
                new Timed(stack(1, "t", 1, main), 4));

        List<Element> frames = SvgDocuments.frames(SvgDocuments.parse(
                Traces.write(format(), Traces.WITH_LINES, samples)));

        assertThat(frames).extracting(g -> SvgDocuments.child(g, "title")).containsExactly(
                "all (4 samples, 100.00%)",
                "main (main.py:1) (4 samples, 100.00%)",
                "alpha (a.py:3) (2 samples, 50.00%)",
                "zeta (z.py:2) (1 samples, 25.00%)");
        // Plot width 1180 from x=10: alpha covers samples 0-2, zeta 2-3; rows 16 px apart from y=36 down.
        assertThat(frames).extracting(g -> SvgDocuments.attribute(g, "rect", "x"))
                .containsExactly(10.0, 10.0, 10.0, 600.0);
        assertThat(frames).extracting(g -> SvgDocuments.attribute(g, "rect", "width"))
                .containsExactly(1180.0, 1180.0, 590.0, 295.0);
        assertThat(frames).extracting(g -> SvgDocuments.attribute(g, "rect", "y"))
                .containsExactly(36.0, 52.0, 68.0, 68.0);
        assertThat(frames).extracting(g -> g.getAttribute("data-s") + "+" + g.getAttribute("data-n"))
                .containsExactly("0+4", "0+4", "0+2", "2+1");
    }

    @Test
    void escapesMarkupInLabelsAndTheTitle() throws IOException {
        List<Timed> samples = List.of(new Timed(stack(1, "t", 1, frame("<lambda>&'\"", "/app/<a>.py", 2)), 1));
        OutputSettings titled = new OutputSettings("python -c 'a < b && c'", 100, true, "pyspy4j test");

        Document svg = SvgDocuments.parse(Traces.write(format(), titled, samples));

        assertThat(SvgDocuments.byId(svg, "title").getTextContent()).isEqualTo("python -c 'a < b && c'");
        assertThat(SvgDocuments.frames(svg)).extracting(g -> SvgDocuments.child(g, "title"))
                .contains("<lambda>&'\" (<a>.py:2) (1 samples, 100.00%)");
    }

    @Test
    void sizesTheImageToTheDeepestRowAndDropsBarsNarrowerThanATenthOfAPixel() throws IOException {
        Frame deep = frame("deep", "/app/d.py", 1);
        List<Timed> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            samples.add(new Timed(stack(1, "t", 1, frame("wide", "/app/w.py", 1)), i));
        }
        // One sample in 20,001 is 0.059 px wide: dropped, and the image is only as deep as what is drawn.
        samples.add(new Timed(stack(1, "t", 1, deep, deep, deep), 20_000));

        Document svg = SvgDocuments.parse(Traces.write(format(), Traces.WITH_LINES, samples));

        assertThat(SvgDocuments.frames(svg)).extracting(g -> SvgDocuments.child(g, "title"))
                .containsExactly("all (20001 samples, 100.00%)", "wide (w.py:1) (20000 samples, 100.00%)");
        assertThat(svg.getDocumentElement().getAttribute("height")).isEqualTo(String.valueOf(36 + 2 * 16 + 34));
    }

    @Test
    void saysNoSamplesInAValidImageWhenNothingWasRecorded() throws IOException {
        Document svg = SvgDocuments.parse(Traces.write(format(), Traces.WITH_LINES, List.of()));

        assertThat(SvgDocuments.frames(svg)).isEmpty();
        assertThat(SvgDocuments.byId(svg, "message").getTextContent()).isEqualTo("No samples");
        assertThat(svg.getDocumentElement().getAttribute("data-total")).isEqualTo("0");
    }

    @Test
    void announcesLikePySpy() {
        assertThat(format().newRecorder(Traces.WITH_LINES).announce("fg.svg"))
                .isEqualTo("Wrote flamegraph data to 'fg.svg'");
        assertThat(format().newRecorder(Traces.WITH_LINES).hint()).isEmpty();
    }

    @Property(tries = 200)
    void isWellFormedAndShowsEveryFrameOfAnyRecording(@ForAll("recordings") List<Timed> samples) throws IOException {
        Document svg = SvgDocuments.parse(Traces.write(format(), Traces.WITH_LINES, samples));

        List<String> tooltips = SvgDocuments.frames(svg).stream().map(g -> SvgDocuments.child(g, "title")).toList();
        // Few samples, so no bar is too narrow to draw: every label appears in some tooltip.
        Set<String> labels = samples.stream().flatMap(s -> s.trace().frames().stream())
                .map(f -> FrameLabels.label(f, true)).collect(Collectors.toSet());
        for (String label : labels) {
            assertThat(tooltips).anySatisfy(tooltip -> assertThat(tooltip).startsWith(label + " ("));
        }
        assertThat(svg.getDocumentElement().getAttribute("data-total")).isEqualTo(String.valueOf(samples.size()));
    }

    @Provide
    Arbitrary<List<Timed>> recordings() {
        return RecordingArbitraries.recordings();
    }
}
