// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.output.collapsed.CollapsedInput;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Reading a profile is reading untrusted bytes: whatever the bytes, a reader returns a profile or fails with one
 * {@link SpyException} of kind MALFORMED_INPUT, never another exception, and soon.
 */
@Fuzz
class ProfileInputPropertiesTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final byte[] VALID = validProfile();

    @Property(tries = 300)
    void anyBytesReadAsPprofOrFailAsMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        assertReadsOrFailsCleanly(new PprofInput(), bytes);
        assertReadsOrFailsCleanly(new PprofInput(), gzip(bytes));
    }

    @Property(tries = 300)
    void aValidProfileWithBytesChangedReadsOrFailsAsMalformed(@ForAll("changes") List<int[]> changes) {
        byte[] message = gunzip(VALID);
        for (int[] change : changes) {
            message[change[0] % message.length] = (byte) change[1];
        }
        assertReadsOrFailsCleanly(new PprofInput(), gzip(message));
    }

    @Property(tries = 200)
    void aValidProfileCutShortFailsAsMalformed(@ForAll("cuts") int cut) {
        byte[] message = gunzip(VALID);
        byte[] shortened = java.util.Arrays.copyOf(message, cut % message.length);
        assertReadsOrFailsCleanly(new PprofInput(), gzip(shortened));
        assertReadsOrFailsCleanly(new PprofInput(), java.util.Arrays.copyOf(VALID, cut % VALID.length));
    }

    @Property(tries = 300)
    void anyTextReadsAsCollapsedStacksOrFailsAsMalformed(@ForAll("text") String text) {
        assertReadsOrFailsCleanly(new CollapsedInput(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void anyBytesReadAsCollapsedStacksOrFailAsMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        assertReadsOrFailsCleanly(new CollapsedInput(), bytes);
    }

    @Test
    void aGroupNestedDeeplyIsMalformedNotAStackOverflow() {
        byte[] groups = new byte[200_000];
        java.util.Arrays.fill(groups, (byte) 0x7b); // field 15, wire type 3: start group
        assertThatThrownBy(() -> new PprofInput().read(new ByteArrayInputStream(groups)))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT))
                .hasMessageContaining("group");
    }

    @Test
    void aMissingLocationIsNamed() {
        // sample_type {type: 0, unit: 0}; sample {location_id: [5], value: [1]}; string_table: ""
        byte[] message = {0x0a, 0x04, 0x08, 0x00, 0x10, 0x00, 0x12, 0x06, 0x0a, 0x01, 0x05, 0x12, 0x01, 0x01,
                0x32, 0x00};
        assertThatThrownBy(() -> new PprofInput().read(new ByteArrayInputStream(gzip(message))))
                .hasMessage("not a valid pprof profile: a sample names location 5, which it lacks");
    }

    private static void assertReadsOrFailsCleanly(ProfileInput input, byte[] bytes) {
        assertTimeoutPreemptively(SOON, () -> {
            try {
                input.read(new ByteArrayInputStream(bytes));
            } catch (SpyException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "Exception");
            }
        });
    }

    @Provide
    Arbitrary<List<int[]>> changes() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).tuple2()
                .flatMap(t -> Arbitraries.integers().between(0, 255)
                        .map(value -> new int[] {t.get1(), value}))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab;() :.0123456789-+\t\r").ofMaxLength(30),
                Arbitraries.longs().map(n -> "a;b " + n),
                Arbitraries.just("a;b 99999999999999999999"),
                Arbitraries.just("main (app.py:3);work (app.py:9) 42"));
        return lines.list().ofMaxSize(8).map(list -> String.join("\n", list));
    }

    private static byte[] validProfile() {
        List<Timed> samples = new ArrayList<>();
        samples.add(new Timed(Traces.stack(1, "MainThread", 7, Traces.frame("work", "/a/app.py", 9),
                Traces.frame("main", "/a/app.py", 3)), 0));
        samples.add(new Timed(Traces.inProcess(Traces.stack(2, null, 0, Traces.frame("poll", "/a/io.py", 8)), 42,
                "python app.py"), 10_000_000));
        return Traces.write(new PprofFormat(), Traces.WITH_LINES, samples);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
