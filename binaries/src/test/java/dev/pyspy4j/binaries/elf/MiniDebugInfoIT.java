// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A static function stripped from {@code .symtab} is still found through the MiniDebugInfo in {@code .gnu_debugdata}. */
class MiniDebugInfoIT {
    private static final String STATIC_FUNCTION = "secret_static_function";

    @TempDir
    static Path directory;
    static MiniDebugInfoRecipe.Built built;

    @BeforeAll
    static void buildFixture() {
        Path source = Binaries.fixtureFile("hello.c", directory);
        built = MiniDebugInfoRecipe.build(source, directory);
    }

    @Test
    void theStaticFunctionIsFoundOnlyThroughGnuDebugdata() {
        Readelf.Symbol original = Readelf.symbols(built.unstripped()).stream()
                .filter(s -> s.name().equals(STATIC_FUNCTION)).findFirst().orElseThrow();
        ElfFile stripped = ElfFile.open(built.withMiniDebugInfo());

        assertThat(original.table()).isEqualTo(".symtab");
        assertThat(original.bind()).isEqualTo("LOCAL");
        assertThat(Readelf.symbols(built.withMiniDebugInfo())).noneMatch(s -> s.name().equals(STATIC_FUNCTION));
        assertThat(stripped.section(".symtab")).isEmpty();
        assertThat(stripped.section(".gnu_debugdata")).isPresent();
        assertThat(stripped.symbol(STATIC_FUNCTION)).hasValueSatisfying(symbol -> {
            assertThat(symbol.table()).isEqualTo(".gnu_debugdata .symtab");
            assertThat(symbol.st_value).isEqualTo(original.value());
            assertThat(symbol.st_size).isEqualTo(original.size());
            assertThat(ReadelfNames.symbolType(symbol.type())).isEqualTo("FUNC");
        });
    }

    @Test
    void withoutGnuDebugdataTheStaticFunctionIsNotFound() {
        Path withoutSection = directory.resolve("hello-without-debugdata");
        ExternalTool.run("objcopy", "--remove-section", ".gnu_debugdata", built.withMiniDebugInfo().toString(),
                withoutSection.toString());

        ElfFile elf = ElfFile.open(withoutSection);

        assertThat(elf.miniDebugInfo()).isEmpty();
        assertThat(elf.symbol(STATIC_FUNCTION)).isEmpty();
        assertThat(elf.symbol("main")).isEmpty();
    }

    @Test
    void theEmbeddedFileIsTheXzDecompressedSection() {
        Path compressed = directory.resolve("extracted.xz");
        ExternalTool.run("objcopy", "--dump-section", ".gnu_debugdata=" + compressed,
                built.withMiniDebugInfo().toString(), directory.resolve("scratch-copy").toString());
        ExternalTool.run("xz", "-d", "-k", compressed.toString());
        Path embedded = directory.resolve("extracted");

        ElfFile viaReader = ElfFile.open(built.withMiniDebugInfo()).miniDebugInfo().orElseThrow();

        assertThat(viaReader.size()).isEqualTo((int) embedded.toFile().length());
        assertThat(viaReader.symbolTable(ElfConstants.SHT_SYMTAB))
                .map(ElfFileReadelfIT::describe)
                .containsExactlyElementsOf(Readelf.symbols(embedded).stream()
                        .filter(s -> s.table().equals(".symtab")).map(ElfFileReadelfIT::describe).toList());
    }

    @Test
    void theImageRelocatesMiniDebugInfoSymbolsByTheLoadBias() {
        long mappedAt = 0x5555_5555_4000L;
        List<MemoryRegion> mappings = List.of(new MemoryRegion(mappedAt, mappedAt + 0x1000, "r--p", 0,
                "/opt/hello"));
        long fileValue = Readelf.symbols(built.unstripped()).stream()
                .filter(s -> s.name().equals(STATIC_FUNCTION)).findFirst().orElseThrow().value();

        BinaryImage image = ElfBinaryImage.load(built.withMiniDebugInfo(), "/opt/hello", mappings);

        assertThat(image.loadBias()).isEqualTo(mappedAt);
        assertThat(image.symbol(STATIC_FUNCTION)).map(BinaryImage.Symbol::address).hasValue(mappedAt + fileValue);
    }
}
