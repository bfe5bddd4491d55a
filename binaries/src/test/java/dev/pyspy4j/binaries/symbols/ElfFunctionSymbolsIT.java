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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Address to function on real binaries with readelf as the oracle: a shared object gcc builds here, its stripped
 * variants (MiniDebugInfo; a separate debug file found by build id, and by {@code .gnu_debuglink} in each place it
 * may be), and a sample of the functions of libc (with its Debian debug file) and of pyenv's libpython3.11.
 */
class ElfFunctionSymbolsIT {
    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    @TempDir
    Path directory;

    @Test
    void everyFunctionOfACompiledLibraryResolvesOverExactlyItsRange() {
        Path library = TestLibrary.compile(directory, "symbols");
        ReadelfFunctions oracle = ReadelfFunctions.of(library);
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(library, library.toString(), DebugFileLocator.none());

        assertThat(oracle.sized()).hasSizeGreaterThan(2 * TestLibrary.STATIC_FUNCTIONS);
        for (ReadelfFunctions.Function function : oracle.sized()) {
            String expected = function.name().equals(TestLibrary.ALIASED_STATIC)
                    ? TestLibrary.GLOBAL_ALIAS : function.name();
            assertThat(name(symbols, function.start())).as("start of %s", function).contains(expected);
            assertThat(name(symbols, function.end() - 1)).as("last byte of %s", function).contains(expected);
            assertThat(name(symbols, function.end())).as("first byte after %s", function)
                    .isNotEqualTo(Optional.of(expected));
        }
    }

    @Test
    void globalAliasIsPreferredToTheStaticFunctionItAliases() {
        Path library = TestLibrary.compile(directory, "alias");
        ReadelfFunctions oracle = ReadelfFunctions.of(library);
        ReadelfFunctions.Function implementation = oracle.named(TestLibrary.ALIASED_STATIC);

        assertThat(oracle.namesAt(implementation.start())).contains(TestLibrary.GLOBAL_ALIAS);
        assertThat(ElfFunctionSymbols.load(library, library.toString(), DebugFileLocator.none())
                .functionAt(implementation.start())).contains(new FunctionSymbol(TestLibrary.GLOBAL_ALIAS,
                        implementation.start(), implementation.size()));
    }

    @Test
    void unsizedAssemblyLabelNamesItsCodeUpToTheNextSymbol() {
        Path library = TestLibrary.compile(directory, "label");
        ReadelfFunctions oracle = ReadelfFunctions.of(library);
        ReadelfFunctions.Function label = oracle.named(TestLibrary.UNSIZED_LABEL);
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(library, library.toString(), DebugFileLocator.none());

        assertThat(label.size()).isZero();
        // nop, nop, ret
        assertThat(name(symbols, label.start())).contains(TestLibrary.UNSIZED_LABEL);
        assertThat(name(symbols, label.start() + 2)).contains(TestLibrary.UNSIZED_LABEL);
    }

    @Test
    void miniDebugInfoNamesTheStaticFunctionsOfAStrippedLibrary() {
        Path library = TestLibrary.compile(directory, "mini");
        ReadelfFunctions.Function hidden = ReadelfFunctions.of(library).named("static_function_7");
        Path[] stripped = TestLibrary.strippedWithMiniDebugInfo(library, directory);

        ElfFunctionSymbols withoutMini = ElfFunctionSymbols.load(stripped[0], stripped[0].toString(),
                DebugFileLocator.none());
        ElfFunctionSymbols withMini = ElfFunctionSymbols.load(stripped[1], stripped[1].toString(),
                DebugFileLocator.none());

        assertThat(name(withoutMini, hidden.start())).isNotEqualTo(Optional.of("static_function_7"));
        assertThat(name(withMini, hidden.start())).contains("static_function_7");
        assertThat(name(withMini, hidden.end() - 1)).contains("static_function_7");
        assertThat(withMini.debugFile()).isEmpty();
    }

    @Test
    void separateDebugFileFoundByBuildId() throws IOException {
        Path library = TestLibrary.compile(directory, "buildid", "-Wl,--build-id=sha1");
        ReadelfFunctions.Function hidden = ReadelfFunctions.of(library).named("static_function_3");
        String buildId = ElfFile.open(library).buildId().map(BuildId::hex).orElseThrow();
        Path root = directory.resolve("debug-root");
        Path debugFile = root.resolve(".build-id").resolve(buildId.substring(0, 2))
                .resolve(buildId.substring(2) + ".debug");
        Files.createDirectories(debugFile.getParent());
        ExternalTool.run("objcopy", "--only-keep-debug", library.toString(), debugFile.toString());
        ExternalTool.run("strip", "--strip-all", library.toString());

        ElfFunctionSymbols withoutRoot = ElfFunctionSymbols.load(library, library.toString(),
                DebugFileLocator.none());
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(library, library.toString(),
                new DebugFileLocator(List.of(directory.resolve("empty-root"), root)));

        assertThat(name(withoutRoot, hidden.start())).isNotEqualTo(Optional.of("static_function_3"));
        assertThat(symbols.debugFile()).contains(debugFile);
        assertThat(name(symbols, hidden.start())).contains("static_function_3");
        assertThat(name(symbols, hidden.end() - 1)).contains("static_function_3");
    }

    @Test
    void separateDebugFileFoundByDebugLinkInEachPlaceAndOnlyWithTheRightCrc() throws IOException {
        Path binaryDirectory = Files.createDirectories(directory.resolve("opt/app/lib"));
        Path library = TestLibrary.compile(binaryDirectory, "linked", "-Wl,--build-id=none");
        ReadelfFunctions.Function hidden = ReadelfFunctions.of(library).named("static_function_11");
        Path debug = directory.resolve("liblinked.so.debug");
        ExternalTool.run("objcopy", "--only-keep-debug", library.toString(), debug.toString());
        ExternalTool.run("strip", "--strip-all", library.toString());
        ExternalTool.run("objcopy", "--add-gnu-debuglink=" + debug, library.toString());
        Path root = directory.resolve("debug-root");
        DebugFileLocator locator = new DebugFileLocator(List.of(root));
        List<Path> places = List.of(binaryDirectory.resolve("liblinked.so.debug"),
                binaryDirectory.resolve(".debug/liblinked.so.debug"),
                root.resolve(binaryDirectory.toString().substring(1)).resolve("liblinked.so.debug"));

        assertThat(name(ElfFunctionSymbols.load(library, library.toString(), locator), hidden.start()))
                .isNotEqualTo(Optional.of("static_function_11"));
        for (Path place : places) {
            Files.createDirectories(place.getParent());
            Files.copy(debug, place);
            ElfFunctionSymbols symbols = ElfFunctionSymbols.load(library, library.toString(), locator);
            assertThat(symbols.debugFile()).as("debug file at %s", place).contains(place);
            assertThat(name(symbols, hidden.start())).as("debug file at %s", place).contains("static_function_11");

            Files.write(place, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
            assertThat(ElfFunctionSymbols.load(library, library.toString(), locator).debugFile())
                    .as("debug file with another CRC at %s", place).isEmpty();
            Files.delete(place);
        }
    }

    @Test
    void sampleOfLibcFunctionsWithItsDebugFile() {
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(LIBC, LIBC.toString(), DebugFileLocator.standard());
        Path debugFile = symbols.debugFile().orElseThrow(() -> new AssertionError("no debug file for " + LIBC
                + " under /usr/lib/debug; install the Debian package libc6-dbg"));
        assertSampleResolves(symbols, ReadelfFunctions.of(LIBC, debugFile));
    }

    @Test
    void sampleOfLibpythonFunctions() {
        Path libpython = pyenvRoot().resolve("versions/3.11.7/lib/libpython3.11.so.1.0");
        ElfFunctionSymbols symbols = ElfFunctionSymbols.load(libpython, libpython.toString(),
                DebugFileLocator.none());
        ReadelfFunctions oracle = ReadelfFunctions.of(libpython);

        assertSampleResolves(symbols, oracle);
        ReadelfFunctions.Function evalCode = oracle.named("PyEval_EvalCode");
        assertThat(symbols.functionAt(evalCode.start() + 1))
                .contains(new FunctionSymbol("PyEval_EvalCode", evalCode.start(), evalCode.size()));
    }

    /**
     * Every 23rd sized function: its start resolves to a symbol starting there (one of the aliases readelf lists
     * there); its last byte to a symbol holding that byte that starts no earlier (an inner entry point may own it).
     */
    private static void assertSampleResolves(ElfFunctionSymbols symbols, ReadelfFunctions oracle) {
        List<ReadelfFunctions.Function> sized = oracle.sized();
        assertThat(sized).hasSizeGreaterThan(500);
        for (int i = 0; i < sized.size(); i += 23) {
            ReadelfFunctions.Function function = sized.get(i);
            FunctionSymbol atStart = symbols.functionAt(function.start()).orElseThrow(
                    () -> new AssertionError("nothing at the start of " + function));
            assertThat(atStart.start()).as("start of %s", function).isEqualTo(function.start());
            assertThat(oracle.namesAt(function.start())).as("start of %s", function).contains(atStart.name());
            long last = function.end() - 1;
            FunctionSymbol atLast = symbols.functionAt(last).orElseThrow(
                    () -> new AssertionError("nothing at the last byte of " + function));
            assertThat(atLast.start()).as("last byte of %s", function).isBetween(function.start(), last);
            assertThat(atLast.size() == 0 || last < atLast.start() + atLast.size())
                    .as("%s holds the last byte of %s", atLast, function).isTrue();
        }
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    private static Optional<String> name(ElfFunctionSymbols symbols, long address) {
        return symbols.functionAt(address).map(FunctionSymbol::name);
    }
}
