// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbols of binaries mapped in live interpreters, read back through the memory reader. {@code Py_Version}
 * (CPython 3.11+, Include/pylifecycle.h) holds {@code PY_VERSION_HEX}, so its value is known from the version.
 */
@EnabledOnOs(OS.LINUX)
class BinaryImageIT {
    /** PY_VERSION_HEX of 3.11.7 final: 3, 11, 7, release level 0xf, serial 0. */
    private static final int PYENV_311_VERSION_HEX = 0x030b07f0;
    /** PY_VERSION_HEX of Debian's 3.11.2 final. */
    private static final int DEBIAN_311_VERSION_HEX = 0x030b02f0;

    @TempDir
    Path temp;

    private PythonProcess python;
    private LinuxTargetProcess target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
        if (python != null) {
            python.close();
        }
    }

    @Test
    void libpythonSymbolsAreRelocatedToWhereTheLibraryIsLoaded() throws Exception {
        attach(PythonProcess.python311(), "busy_threads.py", "1");
        String libpython = target.regions().stream().map(MemoryRegion::path)
                .filter(path -> path.endsWith("/libpython3.11.so.1.0")).findFirst().orElseThrow();
        BinaryImage image = target.image(libpython).orElseThrow();
        assertThat(image.path()).isEqualTo(libpython);
        long address = image.symbol("Py_Version").orElseThrow().address();
        assertThat(target.memory().readInt(address)).isEqualTo(PYENV_311_VERSION_HEX);
        assertThat(target.image(libpython).orElseThrow()).isSameAs(image);
    }

    @Test
    void theMainExecutableIsReadThroughProcExe() throws Exception {
        attach(Path.of("/usr/bin/python3.11"), "busy_threads.py", "1");
        BinaryImage image = target.image(target.executablePath()).orElseThrow();
        long address = image.symbol("Py_Version").orElseThrow().address();
        assertThat(target.memory().readInt(address)).isEqualTo(DEBIAN_311_VERSION_HEX);
    }

    @Test
    void aPathThatIsNotMappedHasNoImage() throws Exception {
        attach(PythonProcess.python311(), "busy_threads.py", "1");
        assertThat(target.image("/usr/lib/not-mapped-here.so")).isEmpty();
    }

    @Test
    void aMappedFileThatIsNotElfIsMalformedInput() throws Exception {
        Path notElf = Files.write(temp.resolve("not-elf.so"), new byte[8192]);
        attach(PythonProcess.python311(), "maps_file.py", notElf.toString());
        assertThatThrownBy(() -> target.image(notElf.toString()))
                .isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
    }

    private void attach(Path interpreter, String script, String... arguments) throws Exception {
        python = PythonProcess.startWith(interpreter, script, arguments);
        target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(python.pid());
    }
}
