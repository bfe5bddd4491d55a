// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ByteMutations;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Truncated, corrupted and random inputs either parse or fail with SpyException(MALFORMED_INPUT) naming
 * the file: never another exception, an endless loop or an OutOfMemoryError. The real ELF files are the
 * checked-in fixtures (one with .symtab and .gnu.version, one with MiniDebugInfo, one with .gnu_debuglink; all
 * three with notes).
 */
@Fuzz
class ElfFuzzTest {
    private static final String NAME = "fuzzed.elf";
    private static final byte[] HELLO = Binaries.fixtureBytes(Binaries.HELLO);
    private static final byte[] MINI = Binaries.fixtureBytes(Binaries.HELLO_MINIDEBUGINFO);
    private static final byte[] LINKED = Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK);
    private static final Set<Long> TABLE_TYPES = Set.of((long) ElfConstants.SHT_SYMTAB,
            (long) ElfConstants.SHT_DYNSYM, (long) ElfConstants.SHT_STRTAB, (long) ElfConstants.SHT_GNU_VERSYM,
            (long) ElfConstants.SHT_NOTE, (long) ElfConstants.SHT_GNU_HASH);
    private static final Map<byte[], List<int[]>> STRUCTURAL_RANGES = new IdentityHashMap<>(Map.of(
            HELLO, structuralRanges(HELLO), MINI, structuralRanges(MINI), LINKED, structuralRanges(LINKED)));

    @Property(tries = 3000)
    void truncatedCopies(@ForAll("truncated") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 5000)
    void byteFlipsInHeadersAndTables(@ForAll("flipped") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 4000)
    void extremeValuesInHeaderAndTableFields(@ForAll("overwritten") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 1000)
    void corruptedGnuDebugdata(@ForAll("corruptedDebugdata") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 2000)
    void randomGarbage(@ForAll @Size(max = 4096) byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 2000)
    void elfIdentificationFollowedByGarbage(@ForAll("identThenGarbage") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    /** Note bytes straight into the note decoder, with any alignment a section or segment header can claim. */
    @Property(tries = 3000)
    void arbitraryNoteBytes(@ForAll @Size(max = 512) byte[] notes, @ForAll("noteAlignment") long alignment) {
        assertDecodesOrIsMalformed(() -> ElfNotesTest.read(notes, ByteOrder.LITTLE_ENDIAN, alignment)
                .forEach(ElfNote::descriptorBytes));
    }

    /** Well-formed notes whose n_namesz / n_descsz are then overwritten with boundary values. */
    @Property(tries = 2000)
    void notesWithExtremeSizes(@ForAll("notesWithExtremeSize") byte[] notes, @ForAll("noteAlignment") long alignment) {
        assertDecodesOrIsMalformed(() -> ElfNotesTest.read(notes, ByteOrder.BIG_ENDIAN, alignment)
                .forEach(ElfNote::descriptorBytes));
    }

    /** The .gnu_debuglink section's bytes replaced by arbitrary ones, its size by any value up to its own. */
    @Property(tries = 1000)
    void arbitraryDebugLinkSections(@ForAll("arbitraryDebugLink") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    /** The memory-mapped route: truncated copies written to disk. */
    @Property(tries = 300)
    void truncatedFilesOnDisk(@ForAll("truncated") byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".elf");
        try {
            Files.write(file, bytes);
            try {
                exercise(ElfFile.open(file));
            } catch (SpyException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
                assertThat(e.getMessage()).startsWith("malformed ELF file '" + file);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<byte[]> truncated() {
        return ByteMutations.truncations(fixtures());
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        return fixtures().flatMap(bytes -> ByteMutations.flips(bytes, structuralPosition(bytes)));
    }

    /** One 2-, 4- or 8-byte field overwritten with a boundary value: 0, all ones, sign bits, near the file size. */
    @Provide
    Arbitrary<byte[]> overwritten() {
        return fixtures().flatMap(bytes -> ByteMutations.overwrites(bytes, structuralPosition(bytes),
                Arbitraries.just(ByteOrder.LITTLE_ENDIAN)));
    }

    @Provide
    Arbitrary<byte[]> corruptedDebugdata() {
        ElfSectionHeader section = ElfFile.parse(ByteBuffer.wrap(MINI), NAME).section(".gnu_debugdata").orElseThrow();
        Arbitrary<Integer> position = Arbitraries.integers()
                .between((int) section.sh_offset, (int) (section.sh_offset + section.sh_size - 1));
        return Combinators.combine(position, Arbitraries.integers().between(1, 255)).as((p, m) -> new int[] {p, m})
                .list().ofMinSize(1).ofMaxSize(4)
                .map(flips -> {
                    byte[] copy = MINI.clone();
                    flips.forEach(f -> copy[f[0]] ^= (byte) f[1]);
                    return copy;
                });
    }

    @Provide
    Arbitrary<Long> noteAlignment() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, 2L, 4L, 8L, 16L, -1L, Long.MIN_VALUE),
                Arbitraries.longs());
    }

    @Provide
    Arbitrary<byte[]> notesWithExtremeSize() {
        Arbitrary<byte[]> note = Combinators.combine(Arbitraries.strings().ascii().ofMaxLength(9),
                Arbitraries.integers().between(0, 40), Arbitraries.of(4, 8))
                .as((owner, size, align) -> ElfNotesTest.note(ByteOrder.BIG_ENDIAN, owner, 1, new byte[size], align));
        Arbitrary<Integer> value = Arbitraries.of(0, 1, 3, 4, 5, 8, 0x7fffffff, 0x80000000, 0xfffffff4, 0xffffffff);
        return Combinators.combine(note.list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(0, 3),
                Arbitraries.of(0, 4), value).as((notes, which, field, v) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int header = 0;
                    for (int i = 0; i < notes.size(); i++) {
                        if (i == which % notes.size()) {
                            header = out.size();
                        }
                        out.writeBytes(notes.get(i));
                    }
                    byte[] bytes = out.toByteArray();
                    // n_namesz (field 0) or n_descsz (field 4) of one note's header
                    ByteBuffer.wrap(bytes).putInt(header + field, v);
                    return bytes;
                });
    }

    @Provide
    Arbitrary<byte[]> arbitraryDebugLink() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(LINKED), NAME);
        ElfSectionHeader section = elf.section(ElfConstants.GNU_DEBUGLINK).orElseThrow();
        int sizeField = (int) (elf.header().e_shoff + (long) section.index * elf.header().e_shentsize + 32);
        Arbitrary<byte[]> contents = Arbitraries.bytes().array(byte[].class).ofSize((int) section.sh_size);
        return Combinators.combine(contents, Arbitraries.longs().between(0, section.sh_size)).as((content, size) -> {
            byte[] copy = LINKED.clone();
            System.arraycopy(content, 0, copy, (int) section.sh_offset, content.length);
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(sizeField, size);
            return copy;
        });
    }

    @Provide
    Arbitrary<byte[]> identThenGarbage() {
        Arbitrary<byte[]> ident = Combinators.combine(Arbitraries.of(1, 2), Arbitraries.of(1, 2))
                .as((elfClass, data) -> new byte[] {0x7f, 'E', 'L', 'F', (byte) (int) elfClass, (byte) (int) data,
                    1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Combinators.combine(ident, tail).as((head, rest) -> {
            byte[] bytes = Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, bytes, head.length, rest.length);
            return bytes;
        });
    }

    private static Arbitrary<byte[]> fixtures() {
        return Arbitraries.of(HELLO, MINI, LINKED);
    }

    /** A byte in the ELF header, the program or section header table, or a symbol, string or version table. */
    private static Arbitrary<Integer> structuralPosition(byte[] bytes) {
        return ByteMutations.positionsIn(STRUCTURAL_RANGES.get(bytes));
    }

    /** {@code {offset, length}} of the structures in a pristine fixture. */
    private static List<int[]> structuralRanges(byte[] bytes) {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(bytes), NAME);
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 64});
        ranges.add(new int[] {(int) elf.header().e_phoff, elf.programHeaders().size() * 56});
        ranges.add(new int[] {(int) elf.header().e_shoff, elf.sectionHeaders().size() * 64});
        for (ElfSectionHeader section : elf.sectionHeaders()) {
            boolean debugLink = section.name.equals(ElfConstants.GNU_DEBUGLINK);
            if ((TABLE_TYPES.contains(section.sh_type) || debugLink) && section.sh_size > 0) {
                ranges.add(new int[] {(int) section.sh_offset, (int) section.sh_size});
            }
        }
        return ranges;
    }

    private static void assertDecodesOrIsMalformed(Runnable decode) {
        try {
            decode.run();
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed ELF file 'notes'");
        }
    }

    private static void assertParsesOrIsMalformed(byte[] bytes) {
        try {
            exercise(ElfFile.parse(ByteBuffer.wrap(bytes), NAME));
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed ELF file '" + NAME);
        }
    }

    /**
     * Touches everything the reader decodes: sections' bytes, every symbol table, lookups, MiniDebugInfo, notes,
     * the build id, the debug link, the bias.
     */
    private static void exercise(ElfFile elf) {
        elf.notes().forEach(ElfNote::descriptorBytes);
        elf.buildId();
        elf.debugLink();
        elf.sectionHeaders().forEach(elf::sectionData);
        elf.symbolTable(ElfConstants.SHT_SYMTAB);
        elf.symbolTable(ElfConstants.SHT_DYNSYM);
        elf.symbol("main");
        elf.symbol("secret_static_function");
        elf.miniDebugInfo().ifPresent(embedded -> embedded.symbolTable(ElfConstants.SHT_SYMTAB));
        long base = 0x7f00_0000_0000L;
        ElfBinaryImage.of(elf, "/" + NAME, List.of(new MemoryRegion(base, base + 0x10000, "r-xp", 0, "/" + NAME)))
                .symbol("exported_function");
    }
}
