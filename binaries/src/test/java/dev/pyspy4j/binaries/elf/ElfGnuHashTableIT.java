// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_DYNSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lookups through {@code .gnu.hash} on real binaries give exactly what decoding every symbol table gives, for every
 * name of {@code .dynsym}, and a damaged hash table changes nothing.
 */
class ElfGnuHashTableIT {
    static Stream<Path> binaries() {
        return Stream.of(Binaries.libpython311(), Binaries.libpython27(), Binaries.DEBIAN_PYTHON, Binaries.LIBC);
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void everyNameOfDynsymResolvesAsTheDecodedTablesSay(Path binary) {
        ElfFile hashed = ElfFile.open(binary);
        ElfFile decoded = ElfFile.open(binary);
        ElfGnuHashTable table = hashed.gnuHashTable().orElseThrow();
        ElfSymbolIndex index = ElfSymbolIndex.of(List.of(() -> decoded.symbolTable(SHT_DYNSYM),
                () -> decoded.symbolTable(SHT_SYMTAB)));

        int answeredByHash = 0;
        for (ElfSymbol entry : decoded.symbolTable(SHT_DYNSYM)) {
            Optional<ElfSymbol> expected = index.lookup(entry.name());
            Optional<ElfSymbol> viaHash = table.lookup(entry.name());
            if (expected.isPresent() && ElfSymbolIndex.isBestCandidate(expected.get())) {
                assertThat(viaHash).as(entry.name()).hasValueSatisfying(found -> assertSame(found, expected.get()));
                answeredByHash++;
            } else {
                assertThat(viaHash).as(entry.name()).isEmpty();
            }
        }
        assertThat(answeredByHash).isGreaterThan(500);
        assertThat(table.lookup("pyspy4j_no_such_symbol")).isEmpty();
    }

    @Test
    void aDamagedHashTableLeavesTheLookupToTheDecodedTables() throws IOException {
        Path library = Binaries.libpython311();
        byte[] bytes = Files.readAllBytes(library);
        ElfSectionHeader hashSection = ElfFile.open(library).section(".gnu.hash").orElseThrow();
        // Every bucket and chain word set to ones: each bucket points past the table, each chain word mismatches.
        for (long offset = hashSection.sh_offset + 16 + 8L * bloomWords(bytes, hashSection);
                offset < hashSection.sh_offset + hashSection.sh_size; offset++) {
            bytes[(int) offset] = (byte) 0xff;
        }
        ElfFile damaged = ElfFile.parse(ByteBuffer.wrap(bytes), library.toString());
        ElfFile intact = ElfFile.open(library);

        assertThat(damaged.gnuHashTable().orElseThrow().lookup("_PyRuntime")).isEmpty();
        assertResolveAlike(damaged, intact,
                "_PyRuntime", "Py_Version", "PyEval_EvalFrameEx", "_PyEval_EvalFrameDefault");
        assertThat(intact.symbol("_PyRuntime")).isPresent();
    }

    @Test
    void aHashTableOutsideTheFileLeavesTheLookupToTheDecodedTables() throws IOException {
        Path library = Binaries.libpython311();
        byte[] bytes = Files.readAllBytes(library);
        ElfSectionHeader hashSection = ElfFile.open(library).section(".gnu.hash").orElseThrow();
        ElfFile intact = ElfFile.open(library);
        // sh_offset of the section's header, moved past the end of the file.
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long sectionHeaders = header.getLong(0x28);
        int entrySize = Short.toUnsignedInt(header.getShort(0x3a));
        header.putLong((int) (sectionHeaders + (long) hashSection.index * entrySize + 0x18), bytes.length + 4096L);
        ElfFile damaged = ElfFile.parse(ByteBuffer.wrap(bytes), library.toString());

        assertThat(damaged.gnuHashTable()).isEmpty();
        assertResolveAlike(damaged, intact, "_PyRuntime");
    }

    private static void assertResolveAlike(ElfFile damaged, ElfFile intact, String... names) {
        for (String name : names) {
            assertThat(damaged.symbol(name).map(ElfGnuHashTableIT::identity))
                    .as(name).isEqualTo(intact.symbol(name).map(ElfGnuHashTableIT::identity));
        }
    }

    private static long bloomWords(byte[] bytes, ElfSectionHeader hashSection) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
                .getInt((int) hashSection.sh_offset + 8));
    }

    private static void assertSame(ElfSymbol found, ElfSymbol expected) {
        assertThat(identity(found)).isEqualTo(identity(expected));
    }

    private static List<Object> identity(ElfSymbol symbol) {
        return List.of(symbol.name(), symbol.table(), symbol.st_value, symbol.st_size, symbol.st_info,
                symbol.st_shndx, symbol.isVersionHidden());
    }
}
