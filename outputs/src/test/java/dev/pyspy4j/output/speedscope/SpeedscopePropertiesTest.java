// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.RecordingArbitraries;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any recording makes a schema-valid speedscope file whose indices point at frames and whose weights add up. */
class SpeedscopePropertiesTest {
    @Property(tries = 300)
    void isValidWithFrameIndicesInRange(@ForAll("recordings") List<Timed> samples) throws IOException {
        JsonNode file = SpeedscopeFormatTest.validFile(
                Traces.write(new SpeedscopeFormat(), Traces.WITH_LINES, samples));

        int frames = file.at("/shared/frames").size();
        for (JsonNode profile : file.get("profiles")) {
            assertThat(profile.get("samples").size()).isEqualTo(profile.get("weights").size());
            for (JsonNode stack : profile.get("samples")) {
                stack.forEach(index -> assertThat(index.asInt()).isBetween(0, frames - 1));
            }
        }
    }

    @Property(tries = 300)
    void weighsEverySampleOnceAndCoversEachThreadsTimeFromTheStart(@ForAll("recordings") List<Timed> samples)
            throws IOException {
        JsonNode file = SpeedscopeFormatTest.validFile(
                Traces.write(new SpeedscopeFormat(), Traces.WITHOUT_LINES, samples));
        Map<String, List<Timed>> byThread = samples.stream()
                .collect(Collectors.groupingBy(s -> SpeedscopeRecorder.profileName(s.trace())));

        assertThat(file.get("profiles")).extracting(profile -> profile.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(byThread.keySet());
        for (JsonNode profile : file.get("profiles")) {
            List<Timed> thread = byThread.get(profile.get("name").asText());
            double total = 0;
            double withFrames = 0;
            for (int i = 0; i < profile.get("weights").size(); i++) {
                double weight = profile.at("/weights/" + i).asDouble();
                assertThat(weight).isPositive();
                total += weight;
                withFrames += profile.at("/samples/" + i).isEmpty() ? 0 : weight;
            }
            double end = profile.get("endValue").asDouble();
            assertThat(end).isCloseTo(total, offset(1e-9));
            assertThat(withFrames).isCloseTo(thread.stream().filter(s -> !s.trace().frames().isEmpty()).count()
                    / 100.0, offset(1e-9));
            assertThat(end).isGreaterThan(thread.get(thread.size() - 1).elapsedNanos() / 1e9);
        }
    }

    @Provide
    Arbitrary<List<Timed>> recordings() {
        return RecordingArbitraries.recordings();
    }
}
