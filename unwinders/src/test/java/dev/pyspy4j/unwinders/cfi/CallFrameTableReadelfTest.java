// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.testsupport.InterpreterCatalogue;
import dev.pyspy4j.testsupport.InterpreterLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows {@link CallFrameTable} computes equal the interpreted tables readelf prints, for every FDE of real
 * binaries on the machine, at the first and the last address of each row.
 */
@EnabledOnOs(OS.LINUX)
class CallFrameTableReadelfTest {
    @TempDir
    Path build;

    @Test
    void libcRowsEqualReadelfs() throws Exception {
        assertSameRowsAsReadelf(Path.of("/lib/x86_64-linux-gnu/libc.so.6"));
    }

    @Test
    void ehFrameRangesAreReadelfsFdeRangesByStart() throws Exception {
        // an executable without .debug_frame, so that readelf lists the .eh_frame FDEs only
        Path python = Path.of("/opt/sidpy/usr/bin/python3.15");
        assertThat(ElfFile.open(python).section(".debug_frame")).isEmpty();
        Process readelf = new ProcessBuilder("readelf", "--debug-dump=frames", python.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(readelf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(readelf.waitFor()).isZero();
        List<CodeRange> expected = Pattern.compile(" FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\\.\\.([0-9a-f]+)")
                .matcher(text).results()
                .map(fde -> new CodeRange(Long.parseUnsignedLong(fde.group(1), 16),
                        Long.parseUnsignedLong(fde.group(2), 16)))
                .filter(range -> range.start() != range.end())
                .sorted(Comparator.comparing(CodeRange::start, Long::compareUnsigned))
                .toList();

        assertThat(CallFrameTable.of(ElfFile.open(python)).ehFrameRanges()).hasSizeGreaterThan(1000)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void dynamicLinkerRowsEqualReadelfs() throws Exception {
        assertSameRowsAsReadelf(Path.of("/lib64/ld-linux-x86-64.so.2").toRealPath());
    }

    @Test
    void libpythonRowsEqualReadelfs() throws Exception {
        Path prefix = InterpreterCatalogue.machine().require(InterpreterLocations.PYENV, "3.11").prefix();
        assertSameRowsAsReadelf(prefix.resolve("lib/libpython3.11.so.1.0"));
    }

    @Test
    void gccSharedObjectRowsEqualReadelfs() throws Exception {
        Path source = build.resolve("frames.c");
        Files.writeString(source, """
                #include <string.h>
                #include <alloca.h>
                int leaf(int x) { return x * 3; }
                int with_alloca(int n) { char *p = alloca(n); memset(p, n, n); return p[n / 2] + leaf(n); }
                int many_saved(int a, int b, int c, int d) {
                    volatile int v[64]; for (int i = 0; i < 64; i++) v[i] = a * i + b;
                    return v[c & 63] + with_alloca(d & 255) + leaf(v[d & 63]);
                }
                """);
        // the last one has no .eh_frame for its functions, only .debug_frame
        for (String flags : List.of("-O2", "-O0", "-O2 -fno-omit-frame-pointer",
                "-O2 -g -fno-asynchronous-unwind-tables -fno-unwind-tables")) {
            Path library = build.resolve("libframes" + flags.replace(" ", "") + ".so");
            List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC"));
            command.addAll(List.of(flags.split(" ")));
            command.addAll(List.of("-o", library.toString(), source.toString()));
            assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
            assertSameRowsAsReadelf(library);
        }
    }

    @Test
    void handWrittenCfiWithEveryInstructionEqualsReadelfs() throws Exception {
        Path library = build.resolve("every.so");
        Path source = Path.of(getClass().getResource("/cfi/every_instruction.s").toURI());
        assertThat(new ProcessBuilder("gcc", "-shared", "-nostdlib", "-o", library.toString(), source.toString())
                .inheritIO().start().waitFor()).isZero();
        assertSameRowsAsReadelf(library);
        ElfFile elf = ElfFile.open(library);
        long signalLike = elf.symbolTable(dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.name().equals("signal_like")).findFirst().orElseThrow().st_value;
        UnwindRow row = CallFrameTable.of(elf).rowAt(signalLike).orElseThrow();
        assertThat(row.signalFrame()).isTrue();
        assertThat(row.rule(16)).isEqualTo(RegisterRule.UNDEFINED);
        assertThat(ReadelfFrames.cfaText(row.cfa())).isEqualTo("rsp+160");
    }

    @Test
    void debugFrameRowsEqualReadelfsWhenThereIsNoEhFrame() throws Exception {
        Path source = build.resolve("debugframe.c");
        Files.writeString(source, "int twice(int x) { volatile int v[16]; v[x & 15] = x; return v[3] * 2; }\n");
        Path library = build.resolve("libdebugframe.so");
        assertThat(new ProcessBuilder("gcc", "-shared", "-fPIC", "-O0", "-g", "-fno-asynchronous-unwind-tables",
                "-fno-unwind-tables", "-o", library.toString(), source.toString()).inheritIO().start().waitFor())
                .isZero();
        ElfFile elf = ElfFile.open(library);
        assertThat(elf.section(".debug_frame")).isPresent();
        long twice = elf.symbolTable(dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.name().equals("twice")).findFirst().orElseThrow().st_value;
        assertThat(CallFrameTable.of(elf).rowAt(twice)).isPresent();
        assertSameRowsAsReadelf(library);
    }

    @Test
    void debugFrameComesFromTheSeparateDebugFileOfAStrippedBinary() throws Exception {
        Path source = build.resolve("separate.c");
        Files.writeString(source, "int thrice(int x) { volatile int v[16]; v[x & 15] = x; return v[3] * 3; }\n");
        Path library = build.resolve("libseparate.so");
        Path debug = build.resolve("libseparate.debug");
        assertThat(new ProcessBuilder("gcc", "-shared", "-fPIC", "-O0", "-g", "-fno-asynchronous-unwind-tables",
                "-fno-unwind-tables", "-o", library.toString(), source.toString()).inheritIO().start().waitFor())
                .isZero();
        long thrice = ElfFile.open(library).symbolTable(dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.name().equals("thrice")).findFirst().orElseThrow().st_value;
        UnwindRow inBinary = CallFrameTable.of(ElfFile.open(library)).rowAt(thrice + 4).orElseThrow();
        assertThat(new ProcessBuilder("objcopy", "--only-keep-debug", library.toString(), debug.toString())
                .inheritIO().start().waitFor()).isZero();
        assertThat(new ProcessBuilder("strip", "--strip-debug", library.toString()).inheritIO().start().waitFor())
                .isZero();
        ElfFile stripped = ElfFile.open(library);
        assertThat(stripped.section(".debug_frame")).isEmpty();
        assertThat(CallFrameTable.of(stripped).rowAt(thrice + 4)).isEmpty();
        assertThat(CallFrameTable.of(stripped, ElfFile.open(debug)).rowAt(thrice + 4)).contains(inBinary);
    }

    private static void assertSameRowsAsReadelf(Path binary) throws IOException, InterruptedException {
        ReadelfFrames expected = ReadelfFrames.of(binary);
        assertThat(expected.fdes()).as("FDEs readelf found in %s", binary).isNotEmpty();
        CallFrameTable table = CallFrameTable.of(ElfFile.open(binary));
        int compared = 0;
        for (ReadelfFrames.Fde fde : expected.fdes()) {
            for (int i = 0; i < fde.rows().size(); i++) {
                ReadelfFrames.Row row = fde.rows().get(i);
                long last = (i + 1 < fde.rows().size() ? fde.rows().get(i + 1).location() : fde.end()) - 1;
                for (long pc : new long[] {row.location(), last}) {
                    Optional<UnwindRow> actual = table.rowAt(pc);
                    assertThat(actual).as("row at 0x%x of %s", pc, binary).isPresent();
                    assertThat(describe(actual.get(), fde.columns()))
                            .as("row at 0x%x of %s", pc, binary)
                            .isEqualTo(row.cfa() + " " + String.join(" ", row.cells()));
                    compared++;
                }
            }
        }
        assertThat(compared).as("rows compared in %s", binary).isPositive();
    }

    private static String describe(UnwindRow row, List<String> columns) {
        StringBuilder text = new StringBuilder(ReadelfFrames.cfaText(row.cfa()));
        for (String column : columns) {
            Integer number = ReadelfFrames.DWARF_NUMBERS.get(column);
            text.append(' ').append(number == null ? "?" + column : ReadelfFrames.ruleText(row.rule(number)));
        }
        return text.toString();
    }
}
