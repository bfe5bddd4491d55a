// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ExternalTool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.BuildId;
import dev.pyspy4j.binaries.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * file:line from {@code .debug_line} against addr2line (binutils), at the first and a middle byte of functions: a
 * library gcc builds here with DWARF 4 and with DWARF 5, its stripped copy whose zlib-compressed debug file is found
 * by build id, and a sample of libc through its Debian debug file (DWARF 5, compressed).
 */
class SourceLinesIT {
    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    @TempDir
    Path directory;

    @Test
    void dwarf4LineTableOfACompiledLibrary() {
        Path library = TestLibrary.compile(directory, "dwarf4", "-g", "-gdwarf-4");
        assertLinesMatchAddr2line(library, ElfFunctionSymbols.load(library, library.toString(),
                DebugFileLocator.none()), ReadelfFunctions.of(library).sized(), library);
    }

    @Test
    void dwarf5LineTableOfACompiledLibrary() {
        Path library = TestLibrary.compile(directory, "dwarf5", "-g", "-gdwarf-5");
        assertLinesMatchAddr2line(library, ElfFunctionSymbols.load(library, library.toString(),
                DebugFileLocator.none()), ReadelfFunctions.of(library).sized(), library);
    }

    @Test
    void compressedDebugFileOfAStrippedLibrary() throws IOException {
        Path library = TestLibrary.compile(directory, "compressed", "-g", "-Wl,--build-id=sha1");
        List<ReadelfFunctions.Function> functions = ReadelfFunctions.of(library).sized();
        String buildId = ElfFile.open(library).buildId().map(BuildId::hex).orElseThrow();
        Path root = directory.resolve("root");
        Path debugFile = root.resolve(".build-id/" + buildId.substring(0, 2) + "/" + buildId.substring(2) + ".debug");
        Files.createDirectories(debugFile.getParent());
        ExternalTool.run("objcopy", "--only-keep-debug", "--compress-debug-sections=zlib", library.toString(),
                debugFile.toString());
        Path unstripped = Files.copy(library, directory.resolve("unstripped.so"));
        ExternalTool.run("strip", "--strip-all", library.toString());

        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(library, library.toString(),
                new DebugFileLocator(List.of(root)));

        assertThat(ExternalTool.run("readelf", "-W", "-S", debugFile.toString()))
                .anyMatch(line -> line.contains(".debug_line") && line.matches(".* C .*|.*\\bC\\b.*"));
        assertLinesMatchAddr2line(library, symbols, functions, unstripped);
    }

    /**
     * libc's units are DWARF 5 with gcc's location views (several rows at one address). Lines are checked against
     * addr2line; file names are not, since binutils 2.40's addr2line names the wrong file of some DWARF 5 units (it
     * reports {@code lio_listio.c} where readelf's decoded dump and gdb both say {@code lio_listio-common.c}); the
     * gcc-built libraries above check file names.
     */
    @Test
    void sampleOfLibcThroughItsDebugFile() {
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(LIBC, LIBC.toString(), DebugFileLocator.standard());
        Path debugFile = symbols.debugFile().orElseThrow(() -> new AssertionError("no debug file for " + LIBC
                + " under /usr/lib/debug; install the Debian package libc6-dbg"));
        List<ReadelfFunctions.Function> sized = ReadelfFunctions.of(LIBC).sized();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < sized.size(); i += 41) {
            addresses.add(sized.get(i).start());
            addresses.add(sized.get(i).start() + sized.get(i).size() / 2);
        }
        assertLineNumbersMatchAddr2line(symbols, addresses, debugFile);
    }

    private static void assertLineNumbersMatchAddr2line(ElfFunctionSymbols symbols, List<Long> addresses,
            Path oracleFile) {
        List<String> command = new ArrayList<>(List.of("addr2line", "-e", oracleFile.toString()));
        addresses.forEach(address -> command.add("0x" + Long.toHexString(address)));
        List<String> answers = ExternalTool.run(command.toArray(String[]::new));
        assertThat(answers).hasSameSizeAs(addresses);
        int known = 0;
        for (int i = 0; i < addresses.size(); i++) {
            String answer = answers.get(i).replaceFirst(" \\(discriminator \\d+\\)$", "");
            String line = answer.substring(answer.lastIndexOf(':') + 1);
            if (answer.startsWith("??") || line.equals("?")) {
                continue;
            }
            assertThat(symbols.sourceLineAt(addresses.get(i)).map(SourceLine::line))
                    .as("line of 0x%x (addr2line: %s)", addresses.get(i), answer)
                    .contains(Integer.parseInt(line));
            known++;
        }
        assertThat(known).as("addresses addr2line could place").isGreaterThan(addresses.size() / 2);
    }

    /** addr2line on {@code oracleFile} and the table agree on the base name and line (where addr2line knows one). */
    private static void assertLinesMatchAddr2line(Path library, ElfFunctionSymbols symbols,
            List<ReadelfFunctions.Function> functions, Path oracleFile) {
        List<Long> addresses = new ArrayList<>();
        for (ReadelfFunctions.Function function : functions) {
            addresses.add(function.start());
            addresses.add(function.start() + function.size() / 2);
        }
        List<String> command = new ArrayList<>(List.of("addr2line", "-e", oracleFile.toString()));
        addresses.forEach(address -> command.add("0x" + Long.toHexString(address)));
        List<String> answers = ExternalTool.run(command.toArray(String[]::new));
        assertThat(answers).hasSameSizeAs(addresses);
        int known = 0;
        for (int i = 0; i < addresses.size(); i++) {
            String answer = answers.get(i).replaceFirst(" \\(discriminator \\d+\\)$", "");
            Optional<SourceLine> ours = symbols.sourceLineAt(addresses.get(i));
            if (answer.startsWith("??")) {
                continue;
            }
            int colon = answer.lastIndexOf(':');
            String file = answer.substring(0, colon);
            int line = answer.substring(colon + 1).equals("?") ? 0 : Integer.parseInt(answer.substring(colon + 1));
            assertThat(ours).as("0x%x in %s (addr2line: %s)", addresses.get(i), library, answer).isPresent();
            assertThat(Path.of(ours.get().file()).getFileName().toString()).as("file of 0x%x", addresses.get(i))
                    .isEqualTo(Path.of(file).getFileName().toString());
            assertThat(ours.get().line()).as("line of 0x%x (addr2line: %s)", addresses.get(i), answer)
                    .isEqualTo(line);
            known++;
        }
        assertThat(known).as("addresses addr2line could place").isGreaterThan(addresses.size() / 2);
    }
}
