// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.MissingInterpreterGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every installed CPython on {@code dump_line_tables.py} (all code objects of big stdlib modules and of a
 * synthetic source with extreme line jumps) and checks that the decoder for that version gives, for every
 * bytecode unit, the line each of CPython's own APIs gives (where CPython has none: the closest preceding line).
 */
@ExtendWith(MissingInterpreterGuard.class)
class LineTablesMatchCPythonIT {
    private static final String SCRIPT = "dump_line_tables.py";

    static Stream<Path> interpreters() {
        return InstalledPythons.all().stream();
    }

    @Test
    void everyTableFormatHasAnInstalledInterpreter() {
        List<LineTableDecoder> decoders = InstalledPythons.all().stream()
                .map(python -> decoderFor(python.getFileName().toString().replaceAll("python|t$", ""))).toList();

        assertThat(decoders).contains(LineTableDecoders.lnotab(false), LineTableDecoders.lnotab(true),
                LineTableDecoders.linetable310(), LineTableDecoders.locationTable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void decoderAgreesWithCPythonOnEveryUnitOfEveryCodeObject(Path python) throws Exception {
        CPythonLineDump dump = CPythonLineDump.parse(run(python));
        LineTableDecoder decoder = decoderFor(dump.version());
        List<String> mismatches = new ArrayList<>();
        long checked = 0;
        for (CPythonLineDump.Code code : dump.codes()) {
            LineTable table = decoder.decode(code.table(), code.firstLine());
            for (Map.Entry<String, int[]> answer : code.answers().entrySet()) {
                checked += compare(dump, code, table, answer.getKey(), answer.getValue(), mismatches);
            }
        }

        assertThat(dump.codes()).as("code objects dumped by %s", python).hasSizeGreaterThan(1000);
        assertThat(checked).as("units checked").isGreaterThan(100_000);
        assertThat(mismatches).as("%s: units where the decoder disagrees with CPython", dump.version()).isEmpty();
    }

    private static int compare(CPythonLineDump dump, CPythonLineDump.Code code, LineTable table, String api,
            int[] lines, List<String> mismatches) {
        int known = code.firstLine();
        for (int unit = 0; unit < lines.length; unit++) {
            // CPython's "no line" (-1 / None) maps to the closest preceding line, as LineTable documents.
            known = lines[unit] == -1 ? known : lines[unit];
            int offset = unit * dump.unitBytes();
            int decoded = table.lineAt(offset);
            if (decoded != known && mismatches.size() < 20) {
                mismatches.add(String.format("%s %s (first line %d) offset %d: CPython %s says %d, decoded %d",
                        dump.version(), code.name(), code.firstLine(), offset, api, known, decoded));
            }
        }
        return lines.length;
    }

    /** The decoder the walker uses for a CPython {@code major.minor[.patch]}. */
    private static LineTableDecoder decoderFor(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (major == 2 || minor <= 5) {
            return LineTableDecoders.lnotab(false);
        }
        if (minor <= 9) {
            return LineTableDecoders.lnotab(true);
        }
        return minor == 10 ? LineTableDecoders.linetable310() : LineTableDecoders.locationTable();
    }

    private static String run(Path python) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pyspy4j-", ".py");
        Process process = null;
        try (InputStream in = LineTablesMatchCPythonIT.class.getResourceAsStream(SCRIPT)) {
            Files.write(script, in.readAllBytes());
            process = new ProcessBuilder(python.toString(), script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", python).isTrue();
            assertThat(process.exitValue()).as("exit code of %s %s", python, SCRIPT).isZero();
            return output;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(script);
        }
    }
}
