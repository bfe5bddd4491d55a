// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in fixtures (see {@code fixtures/elf/linux_amd64_hello.md}): {@code main} at 0x1158 (38 bytes),
 * {@code exported_function} at 0x114c (12 bytes), {@code secret_static_function} at 0x1139 (19 bytes, local),
 * build id {@code ce56068e...}, and a copy whose {@code .gnu_debuglink} names {@code linux_amd64_hello.debug}.
 */
class ElfFunctionSymbolsTest {
    private static final String BUILD_ID = "ce56068eed635b92367f3842088bfaffb73d033c";

    @TempDir
    Path directory;

    @Test
    void symtabNamesStaticAndExportedFunctionsOverTheirWholeRange() throws IOException {
        ElfFunctionSymbols symbols = load("linux_amd64_hello.elf", DebugFileLocator.none());

        assertThat(symbols.functionAt(0x1139)).contains(new FunctionSymbol("secret_static_function", 0x1139, 19));
        assertThat(name(symbols, 0x1139 + 18)).contains("secret_static_function");
        assertThat(name(symbols, 0x114c)).contains("exported_function");
        assertThat(name(symbols, 0x1158 + 37)).contains("main");
        assertThat(name(symbols, 0x1158 + 38)).isEmpty();
        assertThat(symbols.debugFile()).isEmpty();
    }

    @Test
    void miniDebugInfoNamesTheStaticFunctionOfAStrippedFile() throws IOException {
        ElfFunctionSymbols symbols = load("linux_amd64_hello_minidebuginfo.elf", DebugFileLocator.none());

        assertThat(name(symbols, 0x1140)).contains("secret_static_function");
        assertThat(name(symbols, 0x1158)).contains("main");
    }

    @Test
    void debugFileFoundByBuildIdUnderTheRoot() throws IOException {
        Path root = directory.resolve("root");
        Path expected = root.resolve(".build-id/ce/" + BUILD_ID.substring(2) + ".debug");
        Files.createDirectories(expected.getParent());
        copyFixture("linux_amd64_hello.debug", expected);

        ElfFunctionSymbols symbols = load("linux_amd64_hello.elf", new DebugFileLocator(List.of(root)));

        assertThat(symbols.debugFile()).contains(expected);
    }

    @Test
    void debugFileWithAnotherBuildIdAtTheBuildIdPathIsRejected() throws IOException {
        Path root = directory.resolve("root");
        Path impostor = root.resolve(".build-id/ce/" + BUILD_ID.substring(2) + ".debug");
        Files.createDirectories(impostor.getParent());
        copyFixture("linux_amd64_hello_minidebuginfo.elf", impostor);
        byte[] bytes = Files.readAllBytes(impostor);
        flipBuildIdByte(bytes);
        Files.write(impostor, bytes);

        assertThat(load("linux_amd64_hello.elf", new DebugFileLocator(List.of(root))).debugFile()).isEmpty();
    }

    @Test
    void debugLinkFoundBesideTheBinaryWhenTheCrcMatches() throws IOException {
        Path debug = copyFixture("linux_amd64_hello.debug", directory.resolve("linux_amd64_hello.debug"));

        assertThat(load("linux_amd64_hello_debuglink.elf", DebugFileLocator.none()).debugFile()).contains(debug);

        Files.write(debug, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(load("linux_amd64_hello_debuglink.elf", DebugFileLocator.none()).debugFile()).isEmpty();
    }

    /** Changes one byte of the build id descriptor (the bytes right after the note's "GNU\0" owner of type 3). */
    private static void flipBuildIdByte(byte[] bytes) {
        for (int i = 0; i + 16 < bytes.length; i++) {
            if (bytes[i] == 4 && bytes[i + 4] == 20 && bytes[i + 8] == 3 && bytes[i + 12] == 'G'
                    && bytes[i + 13] == 'N' && bytes[i + 14] == 'U' && bytes[i + 15] == 0) {
                bytes[i + 16] ^= 1;
                return;
            }
        }
        throw new IllegalStateException("no build id note in the fixture");
    }

    private ElfFunctionSymbols load(String fixture, DebugFileLocator locator) throws IOException {
        Path file = directory.resolve(fixture);
        if (!Files.exists(file)) {
            copyFixture(fixture, file);
        }
        return ElfFunctionSymbols.load(file, file.toString(), locator);
    }

    private static Path copyFixture(String name, Path to) throws IOException {
        try (InputStream in = ElfFunctionSymbolsTest.class.getResourceAsStream("/fixtures/elf/" + name)) {
            Files.copy(in, to);
        }
        return to;
    }

    private static Optional<String> name(ElfFunctionSymbols symbols, long address) {
        return symbols.functionAt(address).map(FunctionSymbol::name);
    }
}
