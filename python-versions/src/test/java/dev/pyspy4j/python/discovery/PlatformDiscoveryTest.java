// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.python.PythonVersion;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Discovery on macOS and Windows targets, as their providers describe them: regions named after the mapped files
 * ({@code /Library/Frameworks/...}, {@code C:\...}) and binaries whose symbols and sections answer to the names
 * discovery asks for. Which file is the interpreter depends on the target's operating system, not on the name alone.
 */
class PlatformDiscoveryTest {
    private static final String FRAMEWORK = "/Library/Frameworks/Python.framework/Versions/3.12/Python";
    private static final String LAUNCHER =
            "/Library/Frameworks/Python.framework/Versions/3.12/Resources/Python.app/Contents/MacOS/Python";
    private static final String DYLIB = "/opt/python/lib/libpython3.12.dylib";
    private static final String WINDOWS_EXE = "C:\\Python312\\python.exe";
    private static final String STABLE_ABI_DLL = "C:\\Python312\\python3.dll";
    private static final String INTERPRETER_DLL = "C:\\Python312\\python312.dll";

    private static final long LIBRARY_TEXT = 0x7ff8_1000_0000L;
    private static final long LIBRARY_DATA = 0x7ff8_1010_0000L;
    private static final long RUNTIME = LIBRARY_DATA + 0x1000;
    private static final long PY_VERSION = LIBRARY_DATA + 0x800;
    private static final int RUNTIME_SIZE = 64;
    private static final InterpreterScan.Shape SHAPE = MadeUpInterpreter.SHAPE;

    @Test
    void findsTheInterpreterInAMacOsFrameworkNotInItsLauncher() {
        FakeTarget target = target(OsFamily.MACOS, LAUNCHER, List.of(LAUNCHER, FRAMEWORK), FRAMEWORK,
                withVersion(0x030c04f0L));

        PythonBinaries binaries = PythonBinaries.find(target);

        assertThat(binaries.library()).map(image -> image.path()).contains(FRAMEWORK);
        assertThat(binaries.interpreterBinaryPath()).isEqualTo(FRAMEWORK);
        assertThat(binaries.libraryMinorVersion()).contains("3.12");
        assertThat(VersionDetector.detect(binaries, reader(target))).map(Object::toString).contains("3.12.4");
        assertThat(discovered(target, binaries, true).locate("_PyRuntime", SHAPE)).isEqualTo(RUNTIME);
    }

    @Test
    void scansTheMacOsFrameworksRuntimeSectionUnderItsElfName() {
        FakeTarget target = target(OsFamily.MACOS, LAUNCHER, List.of(LAUNCHER, FRAMEWORK), FRAMEWORK,
                withVersion(0x030c04f0L)).withSectionIn(FRAMEWORK, ".PyRuntime", RUNTIME, RUNTIME_SIZE);

        assertThat(discovered(target, PythonBinaries.find(target), false).locate("_PyRuntime", SHAPE))
                .isEqualTo(RUNTIME);
    }

    @Test
    void findsALibpythonDylibAndTakesTheVersionFromItsName() {
        FakeTarget target = target(OsFamily.MACOS, "/opt/python/bin/python3.12", List.of(DYLIB), DYLIB,
                Map.of());

        PythonBinaries binaries = PythonBinaries.find(target);

        assertThat(binaries.library()).map(image -> image.path()).contains(DYLIB);
        assertThat(VersionDetector.detect(binaries, reader(target))).contains(PythonVersion.parse("3.12.0"));
        assertThat(discovered(target, binaries, true).locate("_PyRuntime", SHAPE)).isEqualTo(RUNTIME);
    }

    @Test
    void theLauncherAloneIsNoInterpreterLibrary() {
        FakeTarget target = target(OsFamily.MACOS, LAUNCHER, List.of(LAUNCHER), LAUNCHER, Map.of());

        assertThat(PythonBinaries.find(target).hasLibrary()).isFalse();
    }

    @Test
    void findsTheInterpreterDllNotTheStableAbiForwarderBesideIt() {
        // python3.dll is mapped first, at a lower address, as Windows may well place it.
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(STABLE_ABI_DLL, INTERPRETER_DLL),
                INTERPRETER_DLL, withVersion(0x030c04f0L));

        PythonBinaries binaries = PythonBinaries.find(target);

        assertThat(binaries.library()).map(image -> image.path()).contains(INTERPRETER_DLL);
        assertThat(binaries.interpreterBinaryPath()).isEqualTo(INTERPRETER_DLL);
        assertThat(binaries.libraryMinorVersion()).contains("3.12");
        assertThat(VersionDetector.detect(binaries, reader(target))).map(Object::toString).contains("3.12.4");
        assertThat(discovered(target, binaries, true).locate("_PyRuntime", SHAPE)).isEqualTo(RUNTIME);
    }

    @Test
    void scansTheDllsPyRuntimSection() {
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(STABLE_ABI_DLL, INTERPRETER_DLL),
                INTERPRETER_DLL, withVersion(0x030c04f0L))
                .withSectionIn(INTERPRETER_DLL, "PyRuntim", RUNTIME, RUNTIME_SIZE);

        assertThat(discovered(target, PythonBinaries.find(target), false).locate("_PyRuntime", SHAPE))
                .isEqualTo(RUNTIME);
    }

    @Test
    void comparesWindowsFileNamesWithoutCaseAndKnowsDebugBuilds() {
        String upper = "C:\\PROGRAM FILES\\PYTHON39\\PYTHON39.DLL";
        String debug = "D:\\build\\PCbuild\\amd64\\python313_d.dll";
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(upper), upper, Map.of());
        FakeTarget debugTarget = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(debug), debug, Map.of());

        assertThat(PythonBinaries.find(target).libraryMinorVersion()).contains("3.9");
        assertThat(PythonBinaries.find(debugTarget).libraryMinorVersion()).contains("3.13");
    }

    @Test
    void readsAnOlderWindowsVersionFromTheStringAtTheEndOfData() {
        // MSVC links no .bss: Py_GetVersion()'s zeroed buffer is the uninitialised tail of .data.
        byte[] text = "3.9.13 (tags/v3.9.13:6de2ca5, May 17 2022, 16:36:42) [MSC v.1929 64 bit (AMD64)]\0"
                .getBytes(StandardCharsets.ISO_8859_1);
        String dll = "C:\\Python39\\python39.dll";
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(dll), dll,
                Map.of(PY_VERSION, text)).withSectionIn(dll, ".data", PY_VERSION, text.length);

        assertThat(VersionDetector.detect(PythonBinaries.find(target), reader(target)))
                .map(Object::toString).contains("3.9.13");
    }

    @Test
    void readsWindowsPyVersionAsThe32BitsItIsEvenAtTheEndOfAMapping() {
        // An unsigned long has 32 bits on Windows: nothing need be readable after it.
        byte[] hex = {(byte) 0xf0, 0x04, 0x0c, 0x03};
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(INTERPRETER_DLL), INTERPRETER_DLL,
                Map.of(PY_VERSION, hex));

        assertThat(VersionDetector.detect(PythonBinaries.find(target), reader(target)))
                .map(Object::toString).contains("3.12.4");
    }

    @Test
    void aWindowsStaticBuildIsTheProgramItself() {
        FakeTarget target = target(OsFamily.WINDOWS, WINDOWS_EXE, List.of(STABLE_ABI_DLL), WINDOWS_EXE,
                withVersion(0x030d01f0L));

        PythonBinaries binaries = PythonBinaries.find(target);

        assertThat(binaries.hasLibrary()).isFalse();
        assertThat(binaries.interpreterBinaryPath()).isEqualTo(WINDOWS_EXE);
        assertThat(VersionDetector.detect(binaries, reader(target))).map(Object::toString).contains("3.13.1");
        assertThat(discovered(target, binaries, true).locate("_PyRuntime", SHAPE)).isEqualTo(RUNTIME);
    }

    @Test
    void anotherSystemsInterpreterNamesMeanNothingOnLinux() {
        FakeTarget target = target(OsFamily.LINUX, "/usr/bin/python3", List.of(FRAMEWORK, DYLIB, INTERPRETER_DLL),
                "/usr/bin/python3", Map.of());

        assertThat(PythonBinaries.find(target).hasLibrary()).isFalse();
    }

    @Test
    void aLinuxLibpythonIsNoInterpreterOnWindowsOrMacOs() {
        String libpython = "/usr/lib/libpython3.12.so.1.0";
        for (OsFamily os : List.of(OsFamily.WINDOWS, OsFamily.MACOS)) {
            FakeTarget target = target(os, "/usr/bin/python3", List.of(libpython), "/usr/bin/python3", Map.of());
            assertThat(PythonBinaries.find(target).hasLibrary()).as(os.name()).isFalse();
        }
    }

    /** {@code Py_Version}'s word holding {@code hex}. */
    private static Map<Long, byte[]> withVersion(long hex) {
        byte[] word = new byte[8];
        for (int i = 0; i < 8; i++) {
            word[i] = (byte) (hex >>> (8 * i));
        }
        return Map.of(PY_VERSION, word);
    }

    /**
     * A target running {@code executable}, with {@code libraries} mapped in that order (each with a text region and,
     * for {@code interpreter}, the data region holding the runtime); {@code interpreter} defines {@code _PyRuntime},
     * and {@code Py_Version} when {@code extra} places a word or less there. The runtime leads to a {@link MadeUpInterpreter}.
     */
    private static FakeTarget target(OsFamily os, String executable, List<String> libraries, String interpreter,
                                     Map<Long, byte[]> extra) {
        FakeProcessMemory memory = MadeUpInterpreter.place(new FakeProcessMemory()
                .put(RUNTIME, word(SHAPE.interpreterPointer(), MadeUpInterpreter.INTERPRETER, RUNTIME_SIZE)));
        extra.forEach(memory::put);
        List<MemoryRegion> regions = new ArrayList<>();
        regions.add(new MemoryRegion(0x1_0000_0000L, 0x1_0001_0000L, "r-xp", 0, executable));
        Map<String, Map<String, Long>> symbols = new LinkedHashMap<>();
        symbols.put(executable, Map.of());
        long text = 0x7ff8_0000_0000L;
        for (String library : libraries) {
            long start = library.equals(interpreter) ? LIBRARY_TEXT : text;
            regions.add(new MemoryRegion(start, start + 0x10_0000, "r-xp", 0, library));
            if (library.equals(interpreter)) {
                regions.add(new MemoryRegion(LIBRARY_DATA, LIBRARY_DATA + 0x10000, "rw-p", 0x10_0000, library));
            }
            symbols.putIfAbsent(library, Map.of());
            text += 0x100_0000;
        }
        Map<String, Long> defined = new LinkedHashMap<>(Map.of("_PyRuntime", RUNTIME));
        if (extra.containsKey(PY_VERSION) && extra.get(PY_VERSION).length <= 8) {
            defined.put("Py_Version", PY_VERSION);
        }
        symbols.put(interpreter, defined);
        regions.add(MadeUpInterpreter.heap());
        return new FakeTarget(memory, executable, regions, symbols).withOs(os);
    }

    /** {@code size} zero bytes with the little-endian {@code value} at {@code offset}. */
    private static byte[] word(int offset, long value, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private static RemoteReader reader(FakeTarget target) {
        return new RemoteReader(target.memory(), TargetArch.X86_64);
    }

    private static DiscoveredInterpreter discovered(FakeTarget target, PythonBinaries binaries, boolean useSymbols) {
        Optional<PythonVersion> version = VersionDetector.detect(binaries, reader(target));
        return new DiscoveredInterpreter(target, version.orElseThrow(), binaries, useSymbols);
    }
}
