// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a written trace back with Jackson and checks what chrome://tracing and Perfetto's JSON importer rely on
 * (the trace event format document): a JSON array of objects with {@code ph}, {@code pid}, {@code tid} (32-bit
 * integers), {@code ts} in microseconds and {@code name}; metadata events first; per thread, timestamps that never
 * go back and {@code E} events that close the most recent open {@code B} of the same name, all closed at the end.
 */
final class TraceChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("args", "cat", "name", "ph", "pid", "tid", "ts");

    private TraceChecks() {
    }

    /** The events of a well-formed, balanced trace. */
    static JsonNode balancedEvents(byte[] written) throws IOException {
        JsonNode events = JSON.readTree(written);
        assertThat(events.isArray()).as("a bare JSON array").isTrue();
        Map<String, Deque<String>> open = new HashMap<>();
        Map<String, Long> lastTimestamp = new HashMap<>();
        boolean durations = false;
        for (JsonNode event : events) {
            checkFields(event);
            String phase = event.get("ph").asText();
            String thread = event.get("pid").asLong() + "/" + event.get("tid").asLong();
            if (phase.equals("M")) {
                assertThat(durations).as("metadata before duration events").isFalse();
                continue;
            }
            durations = true;
            long ts = event.get("ts").asLong();
            assertThat(ts).as("timestamp of %s", event).isGreaterThanOrEqualTo(lastTimestamp.getOrDefault(thread, 0L));
            lastTimestamp.put(thread, ts);
            Deque<String> stack = open.computeIfAbsent(thread, key -> new ArrayDeque<>());
            if (phase.equals("B")) {
                stack.push(event.get("name").asText());
            } else {
                assertThat(phase).isEqualTo("E");
                assertThat(stack).as("an open slice for %s", event).isNotEmpty();
                assertThat(stack.pop()).isEqualTo(event.get("name").asText());
            }
        }
        open.forEach((thread, stack) -> assertThat(stack).as("slices left open on %s", thread).isEmpty());
        return events;
    }

    private static void checkFields(JsonNode event) {
        assertThat(event.isObject()).isTrue();
        assertThat(event.fieldNames()).toIterable().containsExactlyElementsOf(
                () -> FIELDS.stream().sorted().iterator());
        assertThat(event.get("ph").asText()).isIn("B", "E", "M");
        assertThat(event.get("cat").asText()).isEqualTo("pyspy4j");
        assertThat(event.get("name").isTextual()).isTrue();
        assertThat(event.get("pid").canConvertToInt()).isTrue();
        assertThat(event.get("tid").canConvertToInt()).isTrue();
        assertThat(event.get("tid").asInt()).isNotNegative();
        assertThat(event.get("ts").isIntegralNumber()).isTrue();
        JsonNode args = event.get("args");
        if (event.get("ph").asText().equals("M")) {
            assertThat(args.get("name").isTextual()).isTrue();
        } else {
            assertThat(args.get("filename").isTextual()).isTrue();
            assertThat(args.get("line").isNull() || args.get("line").canConvertToInt()).isTrue();
        }
    }
}
