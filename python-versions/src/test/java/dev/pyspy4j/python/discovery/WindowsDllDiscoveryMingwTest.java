// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.binaries.pe.PeBinaryImage;
import dev.pyspy4j.binaries.pe.PeFile;
import dev.pyspy4j.binaries.pe.PeSection;
import dev.pyspy4j.python.CPythonInterpreterProvider;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery in a Windows target through a real PE image: MinGW-w64's gcc builds, during the test, the
 * {@code binaries} module's {@code pyruntime.c} as a DLL (a {@code PyRuntim} section holding the exported
 * {@code _PyRuntime}, whose first word is 42, and the export {@code Py_Version} = 0x030d00f0, i.e. 3.13.0). The
 * target maps it as {@code C:\Python313\python313.dll}, beside {@code python3.dll}, its sections copied to the base
 * plus their RVA as the Windows loader copies them, and answers for it with the {@code PeBinaryImage} the Windows
 * provider returns. The file holds no real runtime, so opening the interpreter ends, after the version, in a clear
 * NOT_PYTHON that names that version and the DLL.
 */
class WindowsDllDiscoveryMingwTest {
    private static final String PROGRAM = "C:\\Python313\\python.exe";
    private static final String STABLE_ABI_DLL = "C:\\Python313\\python3.dll";
    private static final String INTERPRETER_DLL = "C:\\Python313\\python313.dll";
    private static final long DLL_BASE = 0x7ffa_1230_0000L;

    @TempDir
    static Path tmp;
    static PeFile dll;

    @BeforeAll
    static void buildTheDllWithMingw() throws IOException, InterruptedException, URISyntaxException {
        Path output = tmp.resolve("python313.dll");
        Process gcc = new ProcessBuilder("x86_64-w64-mingw32-gcc", "-O1", "-Wl,--disable-long-section-names",
                "-shared", "-o", output.toString(), runtimeSource().toString()).redirectErrorStream(true).start();
        try {
            String printed = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).as("gcc ends").isTrue();
            assertThat(gcc.exitValue()).as("x86_64-w64-mingw32-gcc (package gcc-mingw-w64-x86-64): %s", printed)
                    .isZero();
        } finally {
            gcc.destroyForcibly();
        }
        dll = PeFile.open(output);
    }

    @Test
    void findsTheDllItsRuntimeAndItsVersionThroughThePeImage() {
        FakeTarget target = windowsTarget();
        long runtimeRva = dll.export("_PyRuntime").orElseThrow().rva();

        PythonBinaries binaries = PythonBinaries.find(target);

        assertThat(binaries.library()).map(BinaryImage::path).contains(INTERPRETER_DLL);
        assertThat(binaries.interpreterBinaryPath()).isEqualTo(INTERPRETER_DLL);
        long runtime = binaries.symbol("_PyRuntime").orElseThrow().address();
        assertThat(runtime).isEqualTo(DLL_BASE + runtimeRva);
        assertThat(binaries.library().orElseThrow().section("PyRuntim")).map(BinaryImage.Section::address)
                .contains(runtime);
        assertThat(target.memory().readLong(runtime)).isEqualTo(42);
        assertThat(VersionDetector.detect(binaries, new RemoteReader(target.memory(), TargetArch.X86_64)))
                .map(Object::toString).contains("3.13.0");
    }

    @Test
    void openingItGetsToTheVersionAndThenFindsNoRuntimeThere() {
        FakeTarget target = windowsTarget();

        assertThatThrownBy(() -> new CPythonInterpreterProvider().open(target))
                .isInstanceOfSatisfying(SpyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_PYTHON);
                    assertThat(e.getMessage()).startsWith("Python 3.13.0 in process 4242: no valid '_PyRuntime' in '"
                            + INTERPRETER_DLL + "'");
                });
    }

    @Test
    void scanningFindsTheRuntimeInTheDllsPyRuntimSection() {
        FakeTarget target = windowsTarget();
        long runtime = DLL_BASE + dll.export("_PyRuntime").orElseThrow().rva();
        // What a running interpreter would have written there: a thread that points back at its interpreter.
        FakeProcessMemory memory = (FakeProcessMemory) target.memory();
        MadeUpInterpreter.place(memory).overwriteLong(runtime + MadeUpInterpreter.SHAPE.interpreterPointer(),
                MadeUpInterpreter.INTERPRETER);
        PythonBinaries binaries = PythonBinaries.find(target);
        DiscoveredInterpreter withoutSymbols = new DiscoveredInterpreter(target,
                VersionDetector.detect(binaries, new RemoteReader(memory, TargetArch.X86_64)).orElseThrow(),
                binaries, false);

        assertThat(withoutSymbols.locate("_PyRuntime", MadeUpInterpreter.SHAPE)).isEqualTo(runtime);
    }

    /** The program, {@code python3.dll} (at a lower address, so listed first) and the DLL, loaded. */
    private static FakeTarget windowsTarget() {
        FakeProcessMemory memory = new FakeProcessMemory();
        List<MemoryRegion> regions = new ArrayList<>();
        regions.add(new MemoryRegion(0x7ff7_4400_0000L, 0x7ff7_4401_0000L, "r-xp", 0x1000, PROGRAM));
        regions.add(new MemoryRegion(0x7ffa_0000_1000L, 0x7ffa_0001_0000L, "r-xp", 0x1000, STABLE_ABI_DLL));
        for (PeSection section : dll.sections()) {
            byte[] content = new byte[(int) section.memorySize()];
            ByteBuffer data = dll.sectionData(section);
            data.get(content, 0, Math.min(content.length, data.remaining()));
            long address = DLL_BASE + section.virtualAddress();
            memory.put(address, content);
            boolean writable = (section.characteristics() & 0x8000_0000L) != 0; // IMAGE_SCN_MEM_WRITE
            boolean executable = (section.characteristics() & 0x2000_0000L) != 0; // IMAGE_SCN_MEM_EXECUTE
            regions.add(new MemoryRegion(address, address + ((content.length + 0xfffL) & ~0xfffL),
                    writable ? "rw-p" : executable ? "r-xp" : "r--p", section.virtualAddress(), INTERPRETER_DLL));
        }
        regions.add(MadeUpInterpreter.heap());
        return new FakeTarget(memory, PROGRAM, regions, Map.of(PROGRAM, Map.of()))
                .withImage(PeBinaryImage.of(dll, INTERPRETER_DLL, DLL_BASE))
                .withOs(OsFamily.WINDOWS);
    }

    /** The C source of the {@code binaries} module's PE fixture (a sibling module of this one). */
    private static Path runtimeSource() throws URISyntaxException {
        Path testClasses = Path.of(WindowsDllDiscoveryMingwTest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path source = testClasses.resolve("../../../binaries/src/test/resources/fixtures/pe/pyruntime.c").normalize();
        assertThat(source).as("the PE fixture's source in the binaries module").isRegularFile();
        return source;
    }
}
