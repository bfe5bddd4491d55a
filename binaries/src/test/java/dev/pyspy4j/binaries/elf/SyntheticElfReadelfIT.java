// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** readelf reads the synthetic 32/64-bit, little/big-endian files as the reader does (so the writer is valid ELF). */
class SyntheticElfReadelfIT {
    @TempDir
    Path directory;

    @ParameterizedTest
    @MethodSource("dev.pyspy4j.binaries.elf.SyntheticElfTest#layouts")
    void readelfAgrees(boolean is64, ByteOrder order) throws IOException {
        Path file = Files.write(directory.resolve("synthetic-" + (is64 ? 64 : 32) + "-" + order),
                SyntheticElfTest.sample(is64, order).write().bytes());
        ElfFile elf = ElfFile.open(file);

        assertThat(Readelf.header(file).get("Data")).contains(order == ByteOrder.BIG_ENDIAN ? "big" : "little");
        assertThat(elf.sectionHeaders().stream().filter(s -> s.index > 0).map(ElfFileReadelfIT::asReadelfSection))
                .containsExactlyElementsOf(Readelf.sections(file).stream().filter(s -> s.index() > 0)
                        .map(ElfFileReadelfIT::withNumericFlags).toList());
        assertThat(elf.symbolTable(ElfConstants.SHT_SYMTAB)).map(ElfFileReadelfIT::describe)
                .containsExactlyElementsOf(Readelf.symbols(file).stream().map(ElfFileReadelfIT::describe).toList());
        assertThat(Readelf.loads(file)).hasSize(2);
    }
}
