// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pyspy4j.output.html.CallTree.FrameAt;
import dev.pyspy4j.output.html.CallTree.Function;
import dev.pyspy4j.output.html.CallTree.Node;
import dev.pyspy4j.output.html.CallTree.NodeOfThread;
import dev.pyspy4j.output.html.SourceExcerpts.Excerpt;
import dev.pyspy4j.output.html.SourceExcerpts.SourceFile;
import dev.pyspy4j.output.support.JsonOutput;
import dev.pyspy4j.output.support.WellFormedText;
import dev.pyspy4j.spi.output.OutputSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the page: the template's markup, style and script as they are, and the recording as one JSON object inside
 * a {@code <script type="application/json">} element, streamed from the {@link CallTree} (nothing of it is built as
 * a string). The JSON's tables are flat arrays of integers indexing one another:
 * <ul>
 *   <li>{@code strings}: every name and file once;</li>
 *   <li>{@code functions}: three entries per function: name, file as the interpreter knows it, file as shown;</li>
 *   <li>{@code frames}: two per frame: function, line (0 unknown or hidden);</li>
 *   <li>{@code nodes}: two per call-tree node: parent node (-1 at the top of a stack), frame; a node comes after its
 *       parent;</li>
 *   <li>{@code threads}: the threads' names;</li>
 *   <li>{@code samples}: three per entry: the node a stack ended at (-1 for no frames), thread, samples;</li>
 *   <li>{@code sources}: per file of the hottest functions ({@code hotFunctions}), why it was not read (or
 *       {@code null}) and its excerpts, each the first line's number followed by the lines.</li>
 * </ul>
 */
final class HtmlWriter {
    /** The version of the embedded data's layout, for whoever reads it from a report. */
    static final int DATA_VERSION = 1;

    private final OutputSettings settings;

    HtmlWriter(OutputSettings settings) {
        this.settings = settings;
    }

    /** Writes the page; flushes but does not close {@code out}. */
    void write(CallTree tree, SourceExcerpts sources, OutputStream out) throws IOException {
        ReportTemplate template = ReportTemplate.load();
        out.write(template.beforeData());
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.setCharacterEscapes(new ScriptSafeEscapes());
            writeData(json, tree, sources);
        }
        out.write(template.afterData());
        out.flush();
    }

    private void writeData(JsonGenerator json, CallTree tree, SourceExcerpts sources) throws IOException {
        json.writeStartObject();
        json.writeNumberField("version", DATA_VERSION);
        json.writeStringField("title", WellFormedText.of(settings.title()));
        json.writeStringField("producer", WellFormedText.of(settings.producer()));
        json.writeNumberField("sampleRate", settings.sampleRate());
        json.writeBooleanField("lineNumbers", settings.lineNumbers());
        json.writeBooleanField("includesIdle", settings.includesIdle());
        json.writeNumberField("totalSamples", tree.totalSamples());
        writeStrings(json, tree);
        writeFunctions(json, tree);
        writeFrames(json, tree);
        writeNodes(json, tree);
        writeThreads(json, tree);
        writeSamples(json, tree);
        writeSources(json, sources);
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("strings");
        for (int i = 0; i < tree.strings().size(); i++) {
            json.writeString(WellFormedText.of(tree.strings().get(i)));
        }
        json.writeEndArray();
    }

    private static void writeFunctions(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("functions");
        for (int i = 0; i < tree.functions().size(); i++) {
            Function function = tree.functions().get(i);
            json.writeNumber(function.name());
            json.writeNumber(function.file());
            json.writeNumber(function.displayFile());
        }
        json.writeEndArray();
    }

    private static void writeFrames(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("frames");
        for (int i = 0; i < tree.frames().size(); i++) {
            FrameAt frame = tree.frames().get(i);
            json.writeNumber(frame.function());
            json.writeNumber(frame.line());
        }
        json.writeEndArray();
    }

    private static void writeNodes(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("nodes");
        for (int i = 0; i < tree.nodes().size(); i++) {
            Node node = tree.nodes().get(i);
            json.writeNumber(node.parent());
            json.writeNumber(node.frame());
        }
        json.writeEndArray();
    }

    private static void writeThreads(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("threads");
        for (int i = 0; i < tree.threads(); i++) {
            json.writeString(WellFormedText.of(tree.threadLabel(i)));
        }
        json.writeEndArray();
    }

    private static void writeSamples(JsonGenerator json, CallTree tree) throws IOException {
        json.writeArrayFieldStart("samples");
        for (int i = 0; i < tree.sampleEntries(); i++) {
            NodeOfThread key = tree.sampleKey(i);
            json.writeNumber(key.node());
            json.writeNumber(key.thread());
            json.writeNumber(tree.sampleCount(i));
        }
        json.writeEndArray();
    }

    private static void writeSources(JsonGenerator json, SourceExcerpts sources) throws IOException {
        json.writeArrayFieldStart("sources");
        for (SourceFile file : sources.files()) {
            json.writeStartObject();
            json.writeNumberField("file", file.file());
            if (file.problem() == null) {
                json.writeNullField("problem");
            } else {
                json.writeStringField("problem", WellFormedText.of(file.problem()));
            }
            json.writeArrayFieldStart("excerpts");
            for (Excerpt excerpt : file.excerpts()) {
                json.writeStartArray();
                json.writeNumber(excerpt.firstLine());
                for (String line : excerpt.lines()) {
                    json.writeString(WellFormedText.of(line));
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        writeHotFunctions(json, sources.hotFunctions());
    }

    private static void writeHotFunctions(JsonGenerator json, List<Integer> hotFunctions) throws IOException {
        json.writeArrayFieldStart("hotFunctions");
        for (int function : hotFunctions) {
            json.writeNumber(function);
        }
        json.writeEndArray();
    }
}
