// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.binaries.elf.ElfSymbol;
import dev.pyspy4j.binaries.symbols.DebugFileLocator;
import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold parts named through the resolver: a shared object gcc builds here with a cold part (checked in its
 * {@code .symtab} before stripping), stripped and not, and Debian sid's LTO+PGO CPython 3.15, whose evaluation loop
 * runs largely in its cold part.
 */
class ColdPartResolverTest {
    private static final long BASE = 0x7f12_3400_0000L;
    private static final long PAGE = 4096;
    private static final Path PYTHON315 = Path.of("/opt/sidpy/usr/bin/python3.15");

    /**
     * Two unlikely paths, each calling a cold function, in a function that keeps values in callee-saved registers:
     * gcc moves both paths into {@code foo.cold}, entered by two branches from {@code foo} with its frame set up.
     */
    private static final String SOURCE = """
            #include <stdio.h>
            #include <stdlib.h>
            __attribute__((noinline, cold)) void report_negative(long value) { fprintf(stderr, "neg %ld\\n", value); }
            __attribute__((noinline, cold)) void report_huge(long value, long limit) {
                fprintf(stderr, "huge %ld > %ld\\n", value, limit);
                abort();
            }
            __attribute__((noinline)) long helper(long x) { return x * 3 + 1; }
            long foo(long a, long b) {
                long total = helper(a);
                if (__builtin_expect(a < 0, 0)) {
                    report_negative(a);
                    total += helper(b);
                }
                total += helper(b + total);
                if (__builtin_expect(b > 1000000, 0)) {
                    report_huge(b, total);
                    total -= helper(a + b);
                }
                return total + helper(total);
            }
            """;

    @TempDir
    Path directory;

    @Test
    void strippedSharedObjectsColdPartIsNamedAfterItsFunction() throws Exception {
        Path library = compile();
        ElfSymbol cold = coldPartSymbol(library);
        Path stripped = directory.resolve("libcold-stripped.so");
        run("strip", "--strip-all", "-o", stripped.toString(), library.toString());
        assertThat(ElfFile.open(stripped).symbolTable(ElfConstants.SHT_SYMTAB)).isEmpty();
        assertThat(ElfFile.open(stripped).symbol("foo")).isPresent();

        long address = BASE + cold.st_value + cold.st_size / 2;
        try (SymbolResolver resolver = new ElfSymbolResolverProvider(List.of()).open(mapped(stripped, "/lib/cold.so"))) {
            assertThat(resolver.resolve(address))
                    .isEqualTo(new NativeSymbol(address, "/lib/cold.so", "foo.cold", "foo.cold", null, 0));
            long foo = BASE + ElfFile.open(stripped).symbol("foo").orElseThrow().st_value;
            assertThat(resolver.resolve(foo).function()).isEqualTo("foo");
        }
    }

    @Test
    void unstrippedSharedObjectsColdPartIsNamedByItsOwnSymbol() throws Exception {
        Path library = compile();
        ElfSymbol cold = coldPartSymbol(library);

        long address = BASE + cold.st_value + 1;
        try (SymbolResolver resolver = new ElfSymbolResolverProvider(List.of()).open(mapped(library, "/lib/cold.so"))) {
            NativeSymbol symbol = resolver.resolve(address);
            assertThat(symbol.function()).isEqualTo("foo.cold");
            assertThat(symbol.linkageName()).isEqualTo("foo.cold");
        }
    }

    @Test
    void python315sEvaluationLoopColdPartIsNamed() {
        ElfFile python = ElfFile.open(PYTHON315);
        // a non-PIE executable: mapped at its link addresses, load bias 0
        assertThat(python.header().e_type).isEqualTo(ElfConstants.ET_EXEC);
        FakeTarget target = mapped(PYTHON315, "/usr/bin/python3.15", 0);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider(List.of()).open(target)) {
            NativeSymbol symbol = resolver.resolve(0x44ac15L);
            assertThat(symbol.function()).isEqualTo("_PyEval_EvalFrameDefault.cold");
            assertThat(symbol.linkageName()).isEqualTo("_PyEval_EvalFrameDefault.cold");
            // the hot part keeps its own symbol
            assertThat(resolver.resolve(0x5c6da2L).function()).isEqualTo("_PyEval_EvalFrameDefault");
        }
    }

    @Test
    void python315sStaticFunctionsTailCalledByANamedFunctionStayUnnamed() {
        // PyType_Ready ends in two tail calls (jmp rel32) to a static function at 0x570520 whose symbol is stripped:
        // two branch sites of one named function, but the range begins like a function (nothing saved, CFA at the
        // stack pointer plus 8), so it is no cold part
        ElfFunctionSymbols symbols = ElfFunctionSymbols.of(ElfFile.open(PYTHON315));
        assertThat(symbols.functionAt(0x570520L)).isEmpty();
        FakeTarget target = mapped(PYTHON315, "/usr/bin/python3.15", 0);
        try (SymbolResolver resolver = new ElfSymbolResolverProvider(List.of()).open(target)) {
            assertThat(resolver.resolve(0x570520L)).isEqualTo(NativeSymbol.unnamed(0x570520L, "/usr/bin/python3.15"));
            assertThat(resolver.resolve(0x570600L)).isEqualTo(NativeSymbol.unnamed(0x570600L, "/usr/bin/python3.15"));
        }
    }

    @Test
    void python315sColdPartsAreFoundOnlyForAnUnnamedAddressAndThenSharedPerBinary() {
        ElfSymbolResolverProvider provider = new ElfSymbolResolverProvider(List.of());
        try (SymbolResolver first = provider.open(mapped(PYTHON315, "/usr/bin/python3.15", 0));
                SymbolResolver second = provider.open(mapped(PYTHON315, "/usr/bin/python3.15", 0))) {
            assertThat(first.resolve(0x5c6da2L).function()).isEqualTo("_PyEval_EvalFrameDefault");
            assertThat(provider.cachedColdParts()).isZero();

            assertThat(first.resolve(0x44ac15L).function()).isEqualTo("_PyEval_EvalFrameDefault.cold");
            assertThat(second.resolve(0x44ac16L).function()).isEqualTo("_PyEval_EvalFrameDefault.cold");
            assertThat(provider.cachedColdParts()).isEqualTo(1);
        }
    }

    @Test
    void python315sEvaluationLoopColdPartIsItsWholeFdeRange() {
        ElfFile python = ElfFile.open(PYTHON315);
        ColdParts parts = ColdPartFinder.find(python, ElfFunctionSymbols.of(python));

        assertThat(parts.ownerAt(0x4426ebL)).contains("_PyEval_EvalFrameDefault");
        assertThat(parts.ownerAt(0x45688fL)).contains("_PyEval_EvalFrameDefault");
        assertThat(parts.ownerAt(0x456890L)).isNotEqualTo(Optional.of("_PyEval_EvalFrameDefault"));
        assertThat(parts.ownerAt(0x570520L)).isEmpty();
    }

    private Path compile() throws IOException, InterruptedException {
        Path source = Files.writeString(directory.resolve("cold.c"), SOURCE);
        Path library = directory.resolve("libcold.so");
        run("gcc", "-O2", "-fPIC", "-shared", "-o", library.toString(), source.toString());
        return library;
    }

    /** The local {@code foo.cold} symbol gcc gave the cold part; the test is about nothing without one. */
    private static ElfSymbol coldPartSymbol(Path library) {
        ElfSymbol cold = ElfFile.open(library).symbolTable(ElfConstants.SHT_SYMTAB).stream()
                .filter(symbol -> symbol.name().equals("foo.cold"))
                .findFirst().orElseThrow(() -> new AssertionError("gcc made no foo.cold in " + library));
        assertThat(cold.st_size).isPositive();
        return cold;
    }

    private static FakeTarget mapped(Path file, String pathInTarget) {
        return mapped(file, pathInTarget, BASE);
    }

    /** Maps the PT_LOAD segments of {@code file} at {@code base} as ld.so does: page-aligned. */
    private static FakeTarget mapped(Path file, String pathInTarget, long base) {
        FakeTarget target = new FakeTarget();
        for (ElfProgramHeader load : ElfFile.open(file).programHeaders()) {
            if (!load.isLoadable()) {
                continue;
            }
            String permissions = ((load.p_flags & 4) != 0 ? "r" : "-") + ((load.p_flags & 2) != 0 ? "w" : "-")
                    + ((load.p_flags & 1) != 0 ? "x" : "-") + "p";
            target.map(new MemoryRegion(base + pageDown(load.p_vaddr), base + pageUp(load.p_vaddr + load.p_memsz),
                    permissions, pageDown(load.p_offset), pathInTarget));
        }
        return target.file(pathInTarget, file);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    private static long pageDown(long value) {
        return value & -PAGE;
    }

    private static long pageUp(long value) {
        return (value + PAGE - 1) & -PAGE;
    }
}
