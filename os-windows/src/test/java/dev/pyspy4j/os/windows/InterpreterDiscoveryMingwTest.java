// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.pe.PeFile;
import dev.pyspy4j.binaries.pe.PeSection;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the interpreter in real PE files among scripted modules: MinGW-w64's gcc builds, during the test, the
 * {@code binaries} module's {@code pyruntime.c} (a {@code PyRuntim} section holding the exported {@code _PyRuntime},
 * whose first word is 42, and the export {@code Py_Version} = 0x030d00f0) once as {@code python313.dll} and once
 * linked into a {@code python.exe}, as a static CPython build is. The scripted process loads them at bases of its
 * own and maps their sections there, so every address below comes from the real files and the slide.
 */
class InterpreterDiscoveryMingwTest {
    private static final long PID = 5150;
    private static final long EXE_BASE = 0x7ff7_4400_0000L;
    private static final long DLL_BASE = 0x7ffa_1230_0000L;
    private static final Platform WINDOWS = new Platform(OsFamily.WINDOWS, TargetArch.X86_64);

    @TempDir
    static Path tmp;
    static Path dll;
    static Path staticExe;
    static Path launcherExe;

    @BeforeAll
    static void buildWithMingw() throws IOException, URISyntaxException {
        Path source = runtimeSource();
        Path main = tmp.resolve("main.c");
        Files.writeString(main, "int main(void) { return 0; }\n");
        dll = mingw("python313.dll", "-shared", source.toString());
        staticExe = mingw("static-python.exe", source.toString(), main.toString());
        launcherExe = mingw("python.exe", main.toString());
    }

    @Test
    void theInterpreterDllIsFoundAndPlacedAtItsLoadAddress() {
        ScriptedWindowsCalls calls = process(launcherExe, EXE_BASE);
        load(calls, Path.of("/opt/fake/python3.dll"), 0x7ffa_0000_0000L, 0x10000);
        loadMapped(calls, dll, DLL_BASE);
        PeFile file = PeFile.open(dll);

        try (WindowsTargetProcess target = attach(calls)) {
            BinaryImage image = target.interpreterImage().orElseThrow();

            assertThat(image.path()).isEqualTo(dll.toString());
            assertThat(image.loadBias()).isEqualTo(DLL_BASE - file.imageBase()).isNotZero();
            long runtime = image.symbol("_PyRuntime").orElseThrow().address();
            assertThat(runtime).isEqualTo(DLL_BASE + file.export("_PyRuntime").orElseThrow().rva());
            BinaryImage.Section section = image.section("PyRuntim").orElseThrow();
            assertThat(section.address()).isEqualTo(runtime);
            assertThat(target.memory().readLong(runtime)).isEqualTo(42);
            assertThat(target.memory().readInt(image.symbol("Py_Version").orElseThrow().address()))
                    .isEqualTo(0x030d00f0);
            // one image per module, whatever the case of the path asked for, as Windows compares paths
            assertThat(target.image(dll.toString())).containsSame(image);
            assertThat(target.image(dll.toString().toUpperCase(java.util.Locale.ROOT))).containsSame(image);
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void theRegionsOfTheDllAreNamedAfterIt() {
        ScriptedWindowsCalls calls = process(launcherExe, EXE_BASE);
        loadMapped(calls, dll, DLL_BASE);

        try (WindowsTargetProcess target = attach(calls)) {
            List<MemoryRegion> regions = target.regions();
            MemoryRegion runtime = regions.stream().filter(region -> region.contains(
                    target.interpreterImage().orElseThrow().symbol("_PyRuntime").orElseThrow().address()))
                    .findFirst().orElseThrow();

            assertThat(runtime.path()).isEqualTo(dll.toString());
            assertThat(runtime.permissions()).isEqualTo("rw-p");
            assertThat(runtime.fileOffset()).isEqualTo(PeFile.open(dll).section("PyRuntim").orElseThrow()
                    .virtualAddress());
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aStaticBuildHasItsRuntimeInTheProgram() {
        ScriptedWindowsCalls calls = process(staticExe, EXE_BASE);
        PeFile file = PeFile.open(staticExe);

        try (WindowsTargetProcess target = attach(calls)) {
            BinaryImage image = target.interpreterImage().orElseThrow();

            assertThat(image.path()).isEqualTo(staticExe.toString());
            assertThat(image.loadBias()).isEqualTo(EXE_BASE - file.imageBase());
            long runtime = image.symbol("_PyRuntime").orElseThrow().address();
            assertThat(image.section("PyRuntim").orElseThrow().address()).isEqualTo(runtime);
            assertThat(target.memory().readLong(runtime)).isEqualTo(42);
        }
    }

    @Test
    void aProgramWithoutTheRuntimeSaysSoThroughItsImage() {
        ScriptedWindowsCalls calls = process(launcherExe, EXE_BASE);

        try (WindowsTargetProcess target = attach(calls)) {
            BinaryImage image = target.interpreterImage().orElseThrow();

            assertThat(image.section("PyRuntim")).isEmpty();
            assertThat(image.symbol("_PyRuntime")).isEmpty();
        }
    }

    @Test
    void anImageLoadedAtItsPreferredBaseHasNoSlide() {
        long preferred = PeFile.open(dll).imageBase();
        ScriptedWindowsCalls calls = process(launcherExe, EXE_BASE);
        loadMapped(calls, dll, preferred);

        try (WindowsTargetProcess target = attach(calls)) {
            assertThat(target.interpreterImage().orElseThrow().loadBias()).isZero();
        }
    }

    private static WindowsTargetProcess attach(ScriptedWindowsCalls calls) {
        return (WindowsTargetProcess) WindowsProcessAccessProvider.attach(calls, PID, WINDOWS);
    }

    /** A process running {@code program}, mapped at {@code base}. */
    private static ScriptedWindowsCalls process(Path program, long base) {
        ScriptedWindowsCalls calls = new ScriptedWindowsCalls(PID);
        calls.imagePath = program.toString();
        loadMapped(calls, program, base);
        return calls;
    }

    private static void load(ScriptedWindowsCalls calls, Path path, long base, long size) {
        calls.modules.add(WindowsStructs.moduleEntry(PID, base, size, path.toString()));
    }

    /** Loads the image at {@code base} as the Windows loader would: its sections copied to base + their RVA. */
    private static void loadMapped(ScriptedWindowsCalls calls, Path image, long base) {
        PeFile file = PeFile.open(image);
        load(calls, image, base, file.headers().sizeOfImage());
        List<byte[]> regions = new ArrayList<>();
        for (PeSection section : file.sections()) {
            byte[] content = new byte[(int) section.memorySize()];
            ByteBuffer data = file.sectionData(section);
            data.get(content, 0, Math.min(content.length, data.remaining()));
            long address = base + section.virtualAddress();
            calls.memory.put(address, content);
            int protect = (section.characteristics() & 0x8000_0000) != 0 ? 0x04
                    : (section.characteristics() & 0x2000_0000) != 0 ? 0x20 : 0x02;
            regions.add(WindowsStructs.memoryBasicInformation(address, base, (content.length + 0xfff) & ~0xfffL,
                    MemoryBasicInformation.MEM_COMMIT, protect, MemoryBasicInformation.MEM_IMAGE));
        }
        calls.regions.addAll(regions);
        calls.regions.sort((a, b) -> Long.compareUnsigned(MemoryBasicInformation.decode(a).baseAddress(),
                MemoryBasicInformation.decode(b).baseAddress()));
    }

    /** The C source the {@code binaries} module's PE fixture is built from (a sibling module of this one). */
    private static Path runtimeSource() throws URISyntaxException {
        Path testClasses = Path.of(InterpreterDiscoveryMingwTest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path source = testClasses.resolve("../../../binaries/src/test/resources/fixtures/pe/pyruntime.c")
                .normalize();
        assertThat(source).as("the PE fixture's source in the binaries module").isRegularFile();
        return source;
    }

    private static Path mingw(String output, String... inputs) {
        Path result = tmp.resolve(output);
        List<String> command = new ArrayList<>(List.of("x86_64-w64-mingw32-gcc", "-O1",
                "-Wl,--disable-long-section-names", "-o", result.toString()));
        command.addAll(List.of(inputs));
        MingwTools.run(command.toArray(String[]::new)).succeeded();
        return result;
    }
}
