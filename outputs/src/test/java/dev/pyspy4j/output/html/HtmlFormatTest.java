// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.pseudo;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.testing.OutputFormatContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: a self-contained page whose embedded data holds the recording, safely escaped. */
class HtmlFormatTest extends OutputFormatContract {
    private static final Frame MODULE = frame("<module>", "/app/main.py", 30);
    private static final Frame MAIN = frame("main", "/app/main.py", 7);
    private static final Frame WORK = frame("work", "/app/lib/work.py", 12);

    @TempDir
    Path temp;

    @Override
    protected OutputFormat format() {
        return new HtmlFormat();
    }

    @Override
    protected void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException {
        assertThat(ReportPages.functionNames(ReportPages.data(written))).containsAll(functionNames);
    }

    private static JsonNode write(List<Timed> samples) throws IOException {
        return ReportPages.data(Traces.write(new HtmlFormat(), Traces.WITH_LINES, samples));
    }

    @Test
    void embedsEachStackOnceAsNodesOverInternedFramesFunctionsAndStrings() throws IOException {
        JsonNode data = write(List.of(
                new Timed(stack(1, "MainThread", 11, WORK, MAIN, MODULE), 0),
                new Timed(stack(1, "MainThread", 11, WORK, MAIN, MODULE), 0),
                new Timed(stack(1, "MainThread", 11, MAIN, MODULE), 0),
                new Timed(stack(1, "MainThread", 11, frame("work", "/app/lib/work.py", 13), MAIN, MODULE), 0)));

        assertThat(data.get("version").asInt()).isEqualTo(HtmlWriter.DATA_VERSION);
        assertThat(data.get("totalSamples").asLong()).isEqualTo(4);
        assertThat(data.get("sampleRate").asInt()).isEqualTo(100);
        assertThat(data.get("lineNumbers").asBoolean()).isTrue();
        assertThat(data.get("title").asText()).isEqualTo(Traces.WITH_LINES.title());
        // Each name and file once: <module>, main.py's two names, main, work, work.py's two names.
        assertThat(data.get("strings")).hasSize(7);
        assertThat(data.get("functions")).hasSize(3 * 3);
        assertThat(data.get("frames")).hasSize(4 * 2);
        assertThat(data.get("nodes")).hasSize(4 * 2);
        assertThat(ReportPages.samples(data)).containsExactly(
                "MainThread (11): <module> /app/main.py:30;main /app/main.py:7;work /app/lib/work.py:12 = 2",
                "MainThread (11): <module> /app/main.py:30;main /app/main.py:7 = 1",
                "MainThread (11): <module> /app/main.py:30;main /app/main.py:7;work /app/lib/work.py:13 = 1");
        // Every table entry is an integer: the data is tables of indexes.
        for (String table : List.of("functions", "frames", "nodes", "samples")) {
            data.get(table).forEach(entry -> assertThat(entry.isInt()).as(table).isTrue());
        }
        assertThat(ReportPages.string(data, data.get("functions").get(3 * 2 + 2).asInt())).isEqualTo("work.py");
    }

    @Test
    void keepsEachThreadsCountsForTheThreadFilterOverOneSharedTree() throws IOException {
        JsonNode data = write(List.of(
                new Timed(stack(1, "MainThread", 11, MAIN, MODULE), 0),
                new Timed(stack(2, "worker", 12, MAIN, MODULE), 0),
                new Timed(stack(2, "worker", 12, MAIN, MODULE), 0),
                new Timed(stack(2, "worker", 12, WORK), 0),
                new Timed(stack(3, null, 0), 0)));

        assertThat(data.get("threads")).extracting(JsonNode::asText)
                .containsExactly("MainThread (11)", "worker (12)", "Thread (0x3)");
        assertThat(ReportPages.samples(data)).containsExactly(
                "MainThread (11): <module> /app/main.py:30;main /app/main.py:7 = 1",
                "worker (12): <module> /app/main.py:30;main /app/main.py:7 = 2",
                "worker (12): work /app/lib/work.py:12 = 1",
                "Thread (0x3):  = 1");
        // The two threads' equal stacks are one node.
        assertThat(data.get("nodes")).hasSize(3 * 2);
        assertThat(data.get("samples").get(9).asInt()).as("node of a stack without frames")
                .isEqualTo(CallTree.NO_NODE);
    }

    @Test
    void namesThreadsOfAProcessTreeWithTheirProcess() throws IOException {
        JsonNode data = write(List.of(new Timed(Traces.inProcess(stack(1, "MainThread", 4243, MAIN), 4243,
                "python child.py"), 0)));

        assertThat(data.get("threads").get(0).asText()).isEqualTo("MainThread (4243) of process 4243");
    }

    @Test
    void escapesEverythingEmbeddedSoThatNoNameCanEndTheScriptOrOpenMarkup() throws IOException {
        String hostile = "</script><script>alert(\"x\")</script><!-- '&amp;\u2028";
        Frame frame = new Frame(hostile, "/app/</script>.py", null, "</SCRIPT>.py", 3, null, false, false);
        byte[] page = Traces.write(new HtmlFormat(),
                new dev.pyspy4j.spi.output.OutputSettings("python -c '</script><b>'", 100, true, "pyspy4j test"),
                List.of(new Timed(stack(1, "</script>", 11, frame), 0)));
        String html = new String(page, StandardCharsets.UTF_8);

        JsonNode data = ReportPages.data(page);
        assertThat(ReportPages.functionNames(data)).containsExactly(hostile);
        assertThat(data.get("threads").get(0).asText()).isEqualTo("</script> (11)");
        assertThat(data.get("title").asText()).isEqualTo("python -c '</script><b>'");
        String embedded = html.substring(html.indexOf(ReportPages.DATA_OPEN) + ReportPages.DATA_OPEN.length(),
                html.indexOf("</script>", html.indexOf(ReportPages.DATA_OPEN)));
        assertThat(embedded).doesNotContain("<", ">", "&").contains("\\u003C/script\\u003E");
        assertThat(html.toLowerCase()).doesNotContain("</script><script>alert", "<b>", "alert(\"x\")");
    }

    @Test
    void anEmptyRecordingIsAValidPageThatSaysNoSamples() throws IOException {
        byte[] page = Traces.write(new HtmlFormat(), Traces.WITH_LINES, List.of());
        JsonNode data = ReportPages.data(page);

        assertThat(data.get("totalSamples").asLong()).isZero();
        for (String table : List.of("strings", "functions", "frames", "nodes", "threads", "samples", "sources")) {
            assertThat(data.get(table)).as(table).isEmpty();
        }
        assertThat(new String(page, StandardCharsets.UTF_8)).contains(">No samples<");
    }

    @Test
    void loadsNothingFromTheNetwork() throws IOException {
        String html = new String(Traces.write(new HtmlFormat(), Traces.WITH_LINES,
                List.of(new Timed(stack(1, "t", 11, WORK), 0))), StandardCharsets.UTF_8);

        assertThat(html).doesNotContainPattern("(?i)\\b(src|href|action|srcset)\\s*=")
                .doesNotContainPattern("(?i)https?:|@import|url\\(|fetch\\(|XMLHttpRequest|import\\(");
    }

    @Test
    void withoutLineNumbersFramesHaveNoLinesAndNoSourceIsRead() throws IOException {
        Path source = Files.writeString(temp.resolve("app.py"), "def f():\n    pass\n");
        Frame f = frame("f", source.toString(), 2);
        JsonNode data = ReportPages.data(Traces.write(new HtmlFormat(), Traces.WITHOUT_LINES, List.of(
                new Timed(stack(1, "t", 11, f), 0), new Timed(stack(1, "t", 11, frame("f", source.toString(), 1)), 0))));

        assertThat(data.get("lineNumbers").asBoolean()).isFalse();
        assertThat(data.get("frames")).extracting(JsonNode::asInt).containsExactly(0, 0);
        assertThat(ReportPages.samples(data)).containsExactly("t (11): f " + source + ":0 = 2");
        assertThat(data.get("sources")).isEmpty();
    }

    @Test
    void embedsTheSampledLinesOfTheHottestFunctionsWithContextAndSaysWhenAFileCannotBeRead() throws IOException {
        Path source = Files.writeString(temp.resolve("app.py"), String.join("\n",
                IntStream.rangeClosed(1, 30).mapToObj(line -> "line " + line).toList()) + "\n");
        Frame hot = frame("hot", source.toString(), 20);
        Frame caller = frame("caller", source.toString(), 5);
        Frame missing = frame("gone", temp.resolve("gone.py").toString(), 3);
        JsonNode data = write(List.of(new Timed(stack(1, "t", 11, hot, caller), 0),
                new Timed(stack(1, "t", 11, missing, caller), 0)));

        JsonNode sources = data.get("sources");
        assertThat(sources).hasSize(2);
        JsonNode app = sourceOf(data, source.toString());
        assertThat(app.get("problem").isNull()).isTrue();
        assertThat(app.get("excerpts")).hasSize(2);
        assertThat(excerptLines(app.get("excerpts").get(0))).containsExactly("2", "line 2", "line 3", "line 4",
                "line 5", "line 6", "line 7", "line 8");
        assertThat(excerptLines(app.get("excerpts").get(1)).get(0)).isEqualTo("17");
        assertThat(sourceOf(data, missing.filename()).get("problem").asText())
                .isEqualTo("source not readable: no such file here");
        assertThat(data.get("hotFunctions")).extracting(f -> ReportPages.functionName(data, f.asInt()))
                .containsExactlyInAnyOrder("hot", "gone", "caller");
    }

    @Test
    void countsRecursionOnceInAFunctionsTotal() {
        Frame outer = frame("fib", "/app/fib.py", 3);
        Frame inner = frame("fib", "/app/fib.py", 4);
        CallTree tree = new CallTree();
        tree.add(stack(1, "t", 11, inner, inner, outer, MODULE), true, 3);
        tree.add(stack(1, "t", 11, MODULE), true, 1);

        HotFunctions hot = HotFunctions.of(tree);
        int fib = functionIndex(tree, "fib");
        int module = functionIndex(tree, "<module>");
        assertThat(hot.own(fib)).isEqualTo(3);
        assertThat(hot.total(fib)).isEqualTo(3);
        assertThat(hot.own(module)).isEqualTo(1);
        assertThat(hot.total(module)).isEqualTo(4);
        assertThat(hot.hottest()).containsExactly(fib, module);
    }

    @Test
    void aReplayedAggregateIsAddedInOneStep() throws IOException {
        Recorder recorder = new HtmlFormat().newRecorder(Traces.WITH_LINES);
        recorder.record(stack(1, "t", 11, WORK), 0, 1_000_000_000_000L);
        recorder.record(stack(1, "t", 11, WORK), 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recorder.writeTo(out);

        assertThat(ReportPages.samples(ReportPages.data(out.toByteArray())))
                .containsExactly("t (11): work /app/lib/work.py:12 = 1000000000000");
        assertThat(recorder.announce("out.html")).isEqualTo("Wrote HTML report to 'out.html'");
    }

    @Test
    void pseudoFramesHaveNoFileAndNoSource() throws IOException {
        JsonNode data = write(List.of(new Timed(stack(1, "t", 11, MAIN, pseudo("thread (11): t")), 0)));

        assertThat(ReportPages.samples(data)).containsExactly("t (11): thread (11): t :0;main /app/main.py:7 = 1");
        assertThat(data.get("hotFunctions")).extracting(f -> ReportPages.functionName(data, f.asInt()))
                .containsExactly("main");
    }

    private static int functionIndex(CallTree tree, String name) {
        for (int f = 0; f < tree.functions().size(); f++) {
            if (tree.strings().get(tree.functions().get(f).name()).equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no function " + name);
    }

    private static JsonNode sourceOf(JsonNode data, String file) {
        for (JsonNode source : data.get("sources")) {
            if (ReportPages.string(data, source.get("file").asInt()).equals(file)) {
                return source;
            }
        }
        throw new AssertionError("no source entry for " + file + " in " + data.get("sources"));
    }

    private static List<String> excerptLines(JsonNode excerpt) {
        List<String> lines = new ArrayList<>();
        excerpt.forEach(entry -> lines.add(entry.asText()));
        return lines;
    }
}
