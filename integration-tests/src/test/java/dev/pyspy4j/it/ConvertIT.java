// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.cli.CliContext;
import dev.pyspy4j.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pyspy4j convert}: one recording written in every format, and any input it cannot read refused with one
 * line and exit code 1, never a stack trace or a hang. The CLI runs in-process, with the providers of the class path.
 */
class ConvertIT {
    private static final String RAW = "<module> (app.py:30);main (app.py:25);compute (app.py:12) 30\n"
            + "<module> (app.py:30);main (app.py:25) 5\n"
            + "thread (4243): Worker-1;run (threading.py:975);poll (net/io.py:8) 20\n";
    private static final List<String> FORMATS = List.of("flamegraph", "speedscope", "raw", "chrometrace", "pprof",
            "gecko", "html");

    @TempDir
    Path work;

    @Test
    void rawConvertsToEveryFormatAndBackThroughPprof() throws IOException {
        Path raw = Files.writeString(work.resolve("in.txt"), RAW);
        for (String format : FORMATS) {
            Result result = convert(raw.toString(), "-f", format, "-o", work.resolve("out." + format).toString());
            assertThat(result.exitCode()).as(format + ": " + result.err()).isZero();
            assertThat(result.err()).contains("Samples: 55 in 3 stacks, read as raw");
            assertThat(work.resolve("out." + format)).isNotEmptyFile();
        }
        Result back = convert(work.resolve("out.pprof").toString(), "-f", "raw", "-o",
                work.resolve("back.txt").toString());

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.err()).contains("read as pprof");
        assertThat(Files.readAllLines(work.resolve("back.txt"))).containsExactlyInAnyOrderElementsOf(RAW.lines().toList());
    }

    @Test
    void rawConvertsToAFirefoxProfileWithEachStackWeighedByItsCount() throws IOException {
        Path raw = Files.writeString(work.resolve("in.txt"), RAW);
        Result result = convert(raw.toString(), "-f", "gecko", "-o", work.resolve("out.json").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        JsonNode profile = new ObjectMapper().readTree(work.resolve("out.json").toFile());
        long weights = 0;
        List<Double> times = new ArrayList<>();
        for (JsonNode thread : profile.get("threads")) {
            for (JsonNode weight : thread.at("/samples/weight")) {
                weights += weight.asLong();
            }
            thread.at("/samples/time").forEach(time -> times.add(time.asDouble()));
        }
        assertThat(weights).isEqualTo(55);
        // Stacks one after another, each as long as its samples at the default 100 Hz.
        assertThat(times).containsExactlyInAnyOrder(0.0, 300.0, 350.0);
    }

    @Test
    void aMissingInputIsOneLineAndExitCodeOne() {
        Result result = convert(work.resolve("nothing.txt").toString(), "-o", work.resolve("out.svg").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pyspy4j convert: cannot read '" + work.resolve("nothing.txt")
                + "': no such file" + System.lineSeparator());
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() throws IOException {
        Path raw = Files.writeString(work.resolve("in.txt"), RAW);

        Result result = convert(raw.toString(), "-f", "gif", "-o", work.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pyspy4j convert: invalid value 'gif' for '--format': choose one of ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void absurdCountsAreRefusedNotReplayedForHours() throws IOException {
        Path raw = Files.writeString(work.resolve("huge.txt"), "a;b 9223372036854775807\n");

        Result result = convert(raw.toString(), "-f", "speedscope", "-o", work.resolve("out.json").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("more than convert replays");
    }

    @Property(tries = 60)
    void anyInputIsConvertedOrRefusedWithOneLine(@ForAll("inputs") byte[] bytes,
                                                @ForAll("formats") String format) throws IOException {
        Path directory = Files.createTempDirectory("pyspy4j-convert");
        try {
            Path input = Files.write(directory.resolve("in"), bytes);
            Result result = convert(input.toString(), "-f", format, "-o", directory.resolve("out").toString());

            assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
            assertThat(result.err()).doesNotContain("\tat ", "Exception", "internal error");
            if (result.exitCode() == 1) {
                assertThat(result.err().lines()).as(result.err()).hasSize(1);
                assertThat(result.err()).startsWith("pyspy4j convert: ");
            }
        } finally {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> text = Arbitraries.strings().withChars("ab;() :.0123456789\n\t").ofMaxLength(200)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> gzipped = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(bytes -> {
            byte[] withMagic = new byte[bytes.length + 2];
            withMagic[0] = 0x1f;
            withMagic[1] = (byte) 0x8b;
            System.arraycopy(bytes, 0, withMagic, 2, bytes.length);
            return withMagic;
        });
        return Arbitraries.oneOf(text, gzipped, Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(FORMATS);
    }

    private static Result convert(String... args) {
        List<String> all = new ArrayList<>(List.of("convert"));
        all.addAll(List.of(args));
        CommandLine commandLine = Main.commandLine(CliContext.fromSystem());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
