// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.output.OutputSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes profiles for the tests, checks them with {@link GeckoProfileCheck}, and reads samples back. */
final class GeckoProfiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeckoProfiles() {
    }

    /** {@code samples} written with {@code settings}, parsed and checked. */
    static JsonNode write(OutputSettings settings, List<Timed> samples) throws IOException {
        return valid(Traces.write(new GeckoFormat(), settings, samples));
    }

    /** Parses {@code written} and checks that it is a valid profile. */
    static JsonNode valid(byte[] written) throws IOException {
        JsonNode profile = JSON.readTree(written);
        assertThat(GeckoProfileCheck.violations(profile)).isEmpty();
        return profile;
    }

    /** The thread named {@code name}. */
    static JsonNode thread(JsonNode profile, String name) {
        for (JsonNode thread : profile.get("threads")) {
            if (thread.get("name").asText().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name + " in " + profile.get("threads").findValuesAsText("name"));
    }

    /** Sample {@code index}'s frames, root first, as {@code name file:line} ({@code :line} left out when null). */
    static List<String> stack(JsonNode thread, int index) {
        List<String> rootFirst = new ArrayList<>();
        JsonNode stack = thread.at("/samples/stack").get(index);
        while (!stack.isNull()) {
            int frame = thread.at("/stackTable/frame").get(stack.asInt()).asInt();
            rootFirst.add(0, frameText(thread, frame));
            stack = thread.at("/stackTable/prefix").get(stack.asInt());
        }
        return rootFirst;
    }

    /** The category name of sample {@code index}'s leaf frame. */
    static String leafCategory(JsonNode profile, JsonNode thread, int index) {
        int stack = thread.at("/samples/stack").get(index).asInt();
        int frame = thread.at("/stackTable/frame").get(stack).asInt();
        int category = thread.at("/frameTable/category").get(frame).asInt();
        return profile.at("/meta/categories").get(category).get("name").asText();
    }

    private static String frameText(JsonNode thread, int frame) {
        int func = thread.at("/frameTable/func").get(frame).asInt();
        JsonNode strings = thread.get("stringArray");
        String name = strings.get(thread.at("/funcTable/name").get(func).asInt()).asText();
        JsonNode file = thread.at("/funcTable/fileName").get(func);
        JsonNode line = thread.at("/frameTable/line").get(frame);
        return name + " " + (file.isNull() ? "-" : strings.get(file.asInt()).asText())
                + (line.isNull() ? "" : ":" + line.asInt());
    }
}
