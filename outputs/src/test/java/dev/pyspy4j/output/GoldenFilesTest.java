// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.GoldenRecordings.Recording;
import dev.pyspy4j.output.chrometrace.ChromeTraceFormat;
import dev.pyspy4j.output.collapsed.CollapsedFormat;
import dev.pyspy4j.output.flamegraph.FlameGraphFormat;
import dev.pyspy4j.output.pprof.PprofFormat;
import dev.pyspy4j.output.speedscope.SpeedscopeFormat;
import dev.pyspy4j.spi.output.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format writes byte for byte the reviewed output kept in {@code src/test/resources/golden/} for each fixed
 * recording. After an intended change, rewrite them with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> cases() {
        List<OutputFormat> formats = List.of(new FlameGraphFormat(), new SpeedscopeFormat(), new CollapsedFormat(),
                new ChromeTraceFormat(), new PprofFormat());
        return GoldenRecordings.all().stream()
                .flatMap(recording -> formats.stream()
                        .map(format -> Arguments.of(recording, Named.of(format.id(), format))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void writesTheReviewedOutput(Recording recording, OutputFormat format) throws IOException {
        Path golden = GOLDEN.resolve(recording.name() + "." + format.id() + "." + format.fileExtension());
        byte[] written = Traces.write(format, recording.settings(), recording.samples());
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.write(golden, written);
        }
        assertThat(golden).as("golden file %s; create it with -Dgolden.update=true", golden).exists();
        if (isGzip(written)) {
            // Compressed bytes depend on the JDK's zlib; what they hold must not.
            assertThat(gunzip(written)).isEqualTo(gunzip(Files.readAllBytes(golden)));
        } else {
            assertThat(new String(written, StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
