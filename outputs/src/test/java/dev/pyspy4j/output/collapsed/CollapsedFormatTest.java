// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.pseudo;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw format: collapsed stacks. */
class CollapsedFormatTest extends OutputFormatContract {
    private static final Frame MAIN = frame("main", "/app/main.py", 7);
    private static final Frame WORK = frame("work", "/app/work.py", 12);

    @Override
    protected OutputFormat format() {
        return new CollapsedFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        Map<List<String>, Long> stacks = CollapsedParser.parse(new ByteArrayInputStream(written));
        List<String> labels = stacks.keySet().stream().flatMap(List::stream).toList();
        for (String name : functionNames) {
            assertThat(labels).anySatisfy(label -> assertThat(label).startsWith(name + " ("));
        }
    }

    private static String written(List<Timed> samples, boolean lineNumbers) {
        return new String(Traces.write(new CollapsedFormat(),
                lineNumbers ? Traces.WITH_LINES : Traces.WITHOUT_LINES, samples), StandardCharsets.UTF_8);
    }

    @Test
    void writesOneSortedLinePerStackRootFirstWithItsCount() {
        List<Timed> samples = List.of(
                new Timed(stack(1, "MainThread", 11, WORK, MAIN), 10),
                new Timed(stack(1, "MainThread", 11, MAIN), 20),
                new Timed(stack(2, "worker", 12, WORK, MAIN), 20),
                new Timed(stack(1, "MainThread", 11, frame("<lambda>", "/app/a b.py", 3)), 30));

        assertThat(written(samples, true)).isEqualTo("""
                <lambda> (a b.py:3) 1
                main (main.py:7) 1
                main (main.py:7);work (work.py:12) 2
                """);
    }

    @Test
    void leavesLinesOutWithoutLineNumbersAndMergesFramesThatDifferOnlyInLine() {
        List<Timed> samples = List.of(
                new Timed(stack(1, "MainThread", 11, frame("work", "/app/work.py", 12), MAIN), 10),
                new Timed(stack(1, "MainThread", 11, frame("work", "/app/work.py", 13), MAIN), 20));

        assertThat(written(samples, false)).isEqualTo("main (main.py);work (work.py) 2\n");
    }

    @Test
    void writesPseudoFramesAsPlainNamesAndAStackWithoutFramesAsACountAlone() {
        List<Timed> samples = List.of(
                new Timed(stack(1, "MainThread", 11, MAIN, pseudo("thread (11): MainThread")), 10),
                new Timed(stack(1, "MainThread", 11), 20));

        assertThat(written(samples, true)).isEqualTo(" 1\nthread (11): MainThread;main (main.py:7) 1\n");
    }

    @Test
    void escapesSeparatorsAndLineBreaksInsideLabels() {
        List<Timed> samples = List.of(new Timed(stack(1, "t", 11, pseudo("a;b\nc\rd")), 10));

        assertThat(written(samples, true)).isEqualTo("a:b\\nc\\rd 1\n");
        assertThat(CollapsedWriter.escape("plain (x.py:1)")).isEqualTo("plain (x.py:1)");
    }

    @Test
    void announcesLikePySpy() {
        var recorder = new CollapsedFormat().newRecorder(Traces.WITH_LINES);

        assertThat(recorder.announce("out.txt")).isEqualTo("Wrote raw flamegraph data to 'out.txt'");
        assertThat(recorder.hint()).isEqualTo("You can use the flamegraph.pl script from "
                + "https://github.com/brendangregg/flamegraph to generate a SVG");
    }
}
