// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import dev.pyspy4j.testsupport.InterpreterCatalogue;
import dev.pyspy4j.testsupport.InterpreterLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code _Py_DebugOffsets} that real 3.13+ interpreters carry agree with the tables generated from their
 * headers. The table is static data at the start of the {@code .PyRuntime} section, so it is read from the binary
 * on disk ({@code objcopy}), exactly as it sits in memory when the interpreter starts.
 */
class DebugOffsetsMatchTablesIT {
    private static final long RUNTIME = 0x7000_0000L;

    static Stream<Arguments> interpreters() {
        InterpreterCatalogue catalogue = InterpreterCatalogue.machine();
        // pyenv's 3.13 is a shared-library build: the runtime is in libpython, beside bin/ under the prefix.
        Path pyenv313 = catalogue.executable(InterpreterLocations.PYENV, "3.13");
        Path freeThreaded313 = catalogue.executable(InterpreterLocations.FREE_THREADED, "3.13t");
        return Stream.of(
                Arguments.of("3.13", pyenv313.getParent().getParent().resolve("lib/libpython3.13.so.1.0")),
                Arguments.of("3.13t", freeThreaded313.getParent().getParent().resolve("lib/libpython3.13t.so.1.0")),
                Arguments.of("3.14", catalogue.executable(InterpreterLocations.DEBIAN_SID, "3.14")),
                Arguments.of("3.15", catalogue.executable(InterpreterLocations.DEBIAN_SID, "3.15")));
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("interpreters")
    void debugOffsetsOfTheBinaryEqualTheGeneratedTable(String minor, Path binary) throws Exception {
        byte[] section = pyRuntimeSection(binary);
        StructLayouts table = StructLayouts.load(TargetArch.X86_64, minor);
        DebugOffsets offsets = DebugOffsets.read(
                new RemoteReader(new FakeProcessMemory().put(RUNTIME, section), TargetArch.X86_64),
                RUNTIME, table);

        assertThat(offsets.version().minorVersion() + (offsets.freeThreaded() ? "t" : "")).isEqualTo(minor);
        StructLayouts overlaid = offsets.overlay(table);
        for (Map.Entry<String, String> mapping : DebugOffsetNames.MAPPING.entrySet()) {
            if (offsets.has(mapping.getKey()) && table.has(mapping.getValue())) {
                assertThat(overlaid.value(mapping.getValue())).as(mapping.getValue())
                        .isEqualTo(table.value(mapping.getValue()));
            }
        }
        assertThat(offsets.field("thread_state.current_frame")).isEqualTo(table.offset("PyThreadState.current_frame"));
        assertThat(offsets.field("runtime_state.interpreters_head"))
                .isEqualTo(table.offset("_PyRuntimeState.interpreters.head"));
    }

    private static byte[] pyRuntimeSection(Path binary) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pyruntime", ".bin");
        try {
            Process objcopy = new ProcessBuilder("objcopy", "-O", "binary", "--only-section=.PyRuntime",
                    binary.toString(), out.toString()).redirectErrorStream(true).start();
            String messages = new String(objcopy.getInputStream().readAllBytes());
            assertThat(objcopy.waitFor()).as("objcopy: %s", messages).isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
