// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a written report back: the page's structure, and the recording embedded in it as JSON. */
final class ReportPages {
    static final String DATA_OPEN = "<script id=\"profile-data\" type=\"application/json\">";

    private ReportPages() {
    }

    /**
     * The embedded data, after checking the page is one HTML document whose only scripts are the data and the
     * page's own script, both closed where the template closes them.
     */
    static JsonNode data(byte[] page) throws IOException {
        String html = new String(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(count(html, "<script")).as("script elements").isEqualTo(2);
        assertThat(count(html, "</script>")).as("script ends").isEqualTo(2);
        int start = html.indexOf(DATA_OPEN);
        assertThat(start).as("data element").isPositive();
        int end = html.indexOf("</script>", start);
        return new ObjectMapper().readTree(html.substring(start + DATA_OPEN.length(), end));
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    static String string(JsonNode data, int index) {
        return data.get("strings").get(index).asText();
    }

    static String functionName(JsonNode data, int function) {
        return string(data, data.get("functions").get(3 * function).asInt());
    }

    static List<String> functionNames(JsonNode data) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < data.get("functions").size() / 3; f++) {
            names.add(functionName(data, f));
        }
        return names;
    }

    /** A frame as {@code name file:line}, with the file as the interpreter knows it. */
    static String frame(JsonNode data, int frame) {
        int function = data.get("frames").get(2 * frame).asInt();
        return functionName(data, function) + " " + string(data, data.get("functions").get(3 * function + 1).asInt())
                + ":" + data.get("frames").get(2 * frame + 1).asInt();
    }

    /** The stack that ends at {@code node}, root first, each frame as {@link #frame} gives it. */
    static List<String> stack(JsonNode data, int node) {
        List<String> rootFirst = new ArrayList<>();
        for (int n = node; n >= 0; n = data.get("nodes").get(2 * n).asInt()) {
            rootFirst.add(0, frame(data, data.get("nodes").get(2 * n + 1).asInt()));
        }
        return rootFirst;
    }

    /** Every sample entry as {@code thread name: stack = count}. */
    static List<String> samples(JsonNode data) {
        List<String> samples = new ArrayList<>();
        JsonNode entries = data.get("samples");
        for (int i = 0; i < entries.size(); i += 3) {
            samples.add(data.get("threads").get(entries.get(i + 1).asInt()).asText() + ": "
                    + String.join(";", stack(data, entries.get(i).asInt())) + " = " + entries.get(i + 2).asLong());
        }
        return samples;
    }
}
