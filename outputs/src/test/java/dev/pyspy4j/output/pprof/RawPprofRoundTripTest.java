// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.collapsed.CollapsedFormat;
import dev.pyspy4j.output.collapsed.CollapsedInput;
import dev.pyspy4j.output.collapsed.CollapsedParser;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.output.RecordedProfile;
import dev.pyspy4j.spi.output.Recorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * raw to pprof and back to raw gives the same stacks and counts, as {@code pyspy4j convert} does it: each format
 * read back with its {@link ProfileInput} and replayed, counts and all, into the next format's recorder.
 */
class RawPprofRoundTripTest {
    @Property(tries = 200)
    void rawToPprofToRawKeepsEveryStackAndCount(@ForAll("collapsed") Map<List<String>, Long> stacks)
            throws IOException {
        String raw = stacks.entrySet().stream()
                .map(stack -> String.join(";", stack.getKey()) + " " + stack.getValue())
                .collect(Collectors.joining("\n"));

        byte[] pprof = convert(new CollapsedInput(), raw.getBytes(StandardCharsets.UTF_8), new PprofFormat());
        byte[] back = convert(new PprofInput(), pprof, new CollapsedFormat());

        assertThat(CollapsedParser.parse(new ByteArrayInputStream(back))).isEqualTo(stacks);
    }

    private static byte[] convert(ProfileInput input, byte[] bytes, OutputFormat output) throws IOException {
        RecordedProfile profile = input.read(new ByteArrayInputStream(bytes));
        Recorder recorder = output.newRecorder(Traces.WITH_LINES);
        for (RecordedProfile.CountedStack stack : profile.stacks()) {
            recorder.record(stack.trace(), 0, stack.count());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recorder.writeTo(out);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<Map<List<String>, Long>> collapsed() {
        Arbitrary<String> label = Arbitraries.oneOf(
                Arbitraries.of("a", "b", " ", "(", ")", ":", ".", "0", "7", "_", "é", "関", "😀").list().ofMinSize(1)
                        .ofMaxSize(12).map(pieces -> String.join("", pieces)),
                Arbitraries.of("main (app.py:3)", "work (pkg/mod.py:120)", "f (a.py)", "thread (12): Main",
                        "process 42:\"python -c x\"", "g (:7)", "h (x:0)", "k (x:007)", "(y.py:2)", "n ()"));
        return Arbitraries.maps(label.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.longs().between(1, 1_000_000_000_000L)).ofMaxSize(8);
    }
}
