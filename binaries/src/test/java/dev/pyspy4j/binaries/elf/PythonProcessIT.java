// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Relocated symbols of a running interpreter point at the right bytes: {@code Py_Version} read through
 * {@code /proc/<pid>/mem} equals the {@code sys.hexversion} the process prints (non-PIE executable and
 * shared libpython), and 2.7's {@code interp_head} points at an interpreter whose thread points back at it.
 */
class PythonProcessIT {
    private static final String SCRIPT = "import sys; sys.stdout.write('%d\\n' % sys.hexversion); sys.stdout.flush();"
            + " sys.stdin.read()";

    private Process python;

    @AfterEach
    void killPython() {
        if (python != null) {
            python.destroyForcibly();
        }
    }

    @Test
    void pyVersionOfDebianNonPiePython() throws IOException {
        long hexversion = start(Binaries.DEBIAN_PYTHON);
        List<MemoryRegion> mappings = ProcMapsForTest.mappingsOf(Long.toString(python.pid()), Binaries.DEBIAN_PYTHON);

        BinaryImage image = ElfBinaryImage.load(Binaries.DEBIAN_PYTHON, mappings.get(0).path(), mappings);

        assertThat(image.loadBias()).isZero();
        assertThat(readAt(image, "Py_Version")).isEqualTo(hexversion);
        assertRuntimeLiesInItsSection(image);
    }

    @Test
    void pyVersionOfPyenvSharedLibpython311() throws IOException {
        long hexversion = start(Binaries.pyenvRoot().resolve("versions/3.11.7/bin/python3.11"));
        Path lib = Binaries.libpython311();
        List<MemoryRegion> mappings = ProcMapsForTest.mappingsOf(Long.toString(python.pid()), lib);

        BinaryImage image = ElfBinaryImage.load(lib, mappings.get(0).path(), mappings);

        assertThat(image.loadBias()).isNotZero();
        assertThat(readAt(image, "Py_Version")).isEqualTo(hexversion);
        assertRuntimeLiesInItsSection(image);
    }

    @Test
    void interpHeadOfPyenvLibpython27PointsAtTheInterpreterOfItsThread() throws IOException {
        start(Binaries.pyenvRoot().resolve("versions/2.7.18/bin/python2.7"));
        Path lib = Binaries.libpython27();
        List<MemoryRegion> mappings = ProcMapsForTest.mappingsOf(Long.toString(python.pid()), lib);

        BinaryImage image = ElfBinaryImage.load(lib, mappings.get(0).path(), mappings);
        long interpreter = readAt(image, "interp_head");

        // Include/pystate.h (2.7): PyInterpreterState { struct _is *next; struct _ts *tstate_head; ... }
        //                          PyThreadState { struct _ts *next; PyInterpreterState *interp; ... }
        assertThat(interpreter).isNotZero();
        assertThat(ProcMapsForTest.readLong(python.pid(), interpreter)).isZero();
        long thread = ProcMapsForTest.readLong(python.pid(), interpreter + 8);
        assertThat(thread).isNotZero();
        assertThat(ProcMapsForTest.readLong(python.pid(), thread + 8)).isEqualTo(interpreter);
    }

    private long start(Path interpreter) throws IOException {
        python = new ProcessBuilder(interpreter.toString(), "-c", SCRIPT).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("output of " + interpreter).isNotNull().matches("\\d+");
        return Long.parseLong(line);
    }

    private long readAt(BinaryImage image, String symbol) {
        long address = image.symbol(symbol).orElseThrow().address();
        return ProcMapsForTest.readLong(python.pid(), address);
    }

    private static void assertRuntimeLiesInItsSection(BinaryImage image) {
        BinaryImage.Symbol runtime = image.symbol("_PyRuntime").orElseThrow();
        BinaryImage.Section section = image.section(".PyRuntime").orElseThrow();
        assertThat(runtime.address()).isBetween(section.address(), section.address() + section.size() - runtime.size());
    }
}
