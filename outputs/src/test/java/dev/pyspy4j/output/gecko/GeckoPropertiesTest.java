// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.RecordingArbitraries;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any recording makes a profile the format accepts (see {@link GeckoProfileCheck}), and every sample comes back on
 * its thread, in order, at its time, with its frames.
 */
class GeckoPropertiesTest {
    @Property(tries = 300)
    void isAlwaysAValidProfile(@ForAll("recordings") List<Timed> samples, @ForAll boolean lineNumbers)
            throws IOException {
        GeckoProfiles.write(lineNumbers ? Traces.WITH_LINES : Traces.WITHOUT_LINES, samples);
    }

    @Property(tries = 300)
    void keepsEverySampleOnItsThreadInOrder(@ForAll("recordings") List<Timed> samples) throws IOException {
        JsonNode profile = GeckoProfiles.write(Traces.WITH_LINES, samples);

        Map<String, List<Timed>> byThread = new LinkedHashMap<>();
        for (Timed sample : samples) {
            byThread.computeIfAbsent(threadName(sample.trace()), name -> new ArrayList<>()).add(sample);
        }
        List<String> names = new ArrayList<>();
        profile.get("threads").forEach(thread -> names.add(thread.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(samples.isEmpty() ? List.of("No samples") : byThread.keySet());
        for (Map.Entry<String, List<Timed>> entry : byThread.entrySet()) {
            JsonNode thread = GeckoProfiles.thread(profile, entry.getKey());
            List<Timed> expected = entry.getValue();
            assertThat(thread.at("/samples/length").asInt()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(thread.at("/samples/time").get(i).asDouble())
                        .isEqualTo(expected.get(i).elapsedNanos() / 1e6);
                assertThat(GeckoProfiles.stack(thread, i)).isEqualTo(rootFirst(expected.get(i).trace()));
            }
        }
    }

    private static String threadName(StackTrace trace) {
        String tid = trace.hasOsThreadId() ? Long.toString(trace.osThreadId())
                : "0x" + Long.toHexString(trace.threadId()).toUpperCase(Locale.ROOT);
        return (trace.threadName() == null ? "Thread" : trace.threadName()) + " (" + tid + ")";
    }

    private static List<String> rootFirst(StackTrace trace) {
        List<String> frames = new ArrayList<>();
        for (Frame frame : trace.frames()) {
            frames.add(0, frame.name() + " " + (frame.filename().isEmpty() ? "-" : frame.filename())
                    + (frame.line() > 0 ? ":" + frame.line() : ""));
        }
        return frames;
    }

    @Provide
    Arbitrary<List<Timed>> recordings() {
        return RecordingArbitraries.recordings();
    }
}
