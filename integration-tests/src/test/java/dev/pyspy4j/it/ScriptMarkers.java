// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line numbers of a script's {@code # frame: NAME} comments: where each frame of a dump must point. */
final class ScriptMarkers {
    private static final Pattern MARKER = Pattern.compile("#\\s*frame:\\s*(\\S+)\\s*$");

    private final Map<String, Integer> lines;

    private ScriptMarkers(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static ScriptMarkers of(Path script) throws IOException {
        List<String> source = Files.readAllLines(script, StandardCharsets.UTF_8);
        Map<String, Integer> lines = new HashMap<>();
        for (int i = 0; i < source.size(); i++) {
            Matcher marker = MARKER.matcher(source.get(i));
            if (marker.find() && lines.put(marker.group(1), i + 1) != null) {
                throw new IllegalStateException("marker '" + marker.group(1) + "' appears twice in " + script);
            }
        }
        return new ScriptMarkers(lines);
    }

    /** The 1-based line of the marker. */
    int line(String marker) {
        Integer line = lines.get(marker);
        if (line == null) {
            throw new IllegalArgumentException("no marker '" + marker + "'; markers: " + lines.keySet());
        }
        return line;
    }
}
