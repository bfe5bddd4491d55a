// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Real binaries (the checked-in fixtures: one with .symtab, one whose static function only MiniDebugInfo names, a
 * separate debug file) with corrupted headers and symbol, string and version tables, truncated, or with corrupted
 * MiniDebugInfo: building the table either works, and then every answer is a symbol that holds the address, or
 * fails with SpyException(MALFORMED_INPUT); never another exception.
 */
@Fuzz
class ElfFunctionSymbolsFuzzTest {
    private static final byte[] HELLO = fixture("linux_amd64_hello.elf");
    private static final byte[] MINI = fixture("linux_amd64_hello_minidebuginfo.elf");
    private static final byte[] DEBUG = fixture("linux_amd64_hello.debug");
    /** Build id of {@code linux_amd64_hello.elf} and its debug file. */
    private static final String BUILD_ID = "ce56068eed635b92367f3842088bfaffb73d033c";
    private static final Set<Long> TABLE_TYPES = Set.of((long) ElfConstants.SHT_SYMTAB,
            (long) ElfConstants.SHT_DYNSYM, (long) ElfConstants.SHT_STRTAB, (long) ElfConstants.SHT_GNU_VERSYM,
            (long) ElfConstants.SHT_NOTE);
    private static final Map<byte[], List<int[]>> STRUCTURES = new IdentityHashMap<>(Map.of(
            HELLO, structures(HELLO), MINI, structures(MINI), DEBUG, structures(DEBUG)));

    @Property(tries = 2000)
    void corruptedTables(@ForAll("flipped") byte[] bytes) {
        assertBuildsOrIsMalformed(() -> ElfFunctionSymbols.of(ElfFile.parse(ByteBuffer.wrap(bytes), "fuzzed")));
    }

    @Property(tries = 2000)
    void extremeValuesInTableFields(@ForAll("overwritten") byte[] bytes) {
        assertBuildsOrIsMalformed(() -> ElfFunctionSymbols.of(ElfFile.parse(ByteBuffer.wrap(bytes), "fuzzed")));
    }

    @Property(tries = 1000)
    void truncated(@ForAll("truncatedCopies") byte[] bytes) {
        assertBuildsOrIsMalformed(() -> ElfFunctionSymbols.of(ElfFile.parse(ByteBuffer.wrap(bytes), "fuzzed")));
    }

    @Property(tries = 500)
    void corruptedMiniDebugInfo(@ForAll("corruptedDebugdata") byte[] bytes) {
        assertBuildsOrIsMalformed(() -> ElfFunctionSymbols.of(ElfFile.parse(ByteBuffer.wrap(bytes), "fuzzed")));
    }

    /** A corrupted separate debug file at the build-id path of a pristine binary. */
    @Property(tries = 300)
    void corruptedDebugFileFoundByBuildId(@ForAll("corruptedDebugFiles") byte[] debugBytes) throws IOException {
        Path directory = Files.createTempDirectory("fuzz-debug");
        try {
            Path binary = Files.write(directory.resolve("hello"), HELLO);
            Path root = directory.resolve("debug-root");
            Path debugFile = root.resolve(".build-id").resolve(BUILD_ID.substring(0, 2))
                    .resolve(BUILD_ID.substring(2) + ".debug");
            Files.createDirectories(debugFile.getParent());
            Files.write(debugFile, debugBytes);
            assertBuildsOrIsMalformed(() -> ElfFunctionSymbols.load(binary, binary.toString(),
                    new DebugFileLocator(List.of(root))));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        return Arbitraries.of(HELLO, MINI).flatMap(bytes -> flips(bytes, 8));
    }

    @Provide
    Arbitrary<byte[]> corruptedDebugFiles() {
        return flips(DEBUG, 4);
    }

    @Provide
    Arbitrary<byte[]> overwritten() {
        return Arbitraries.of(HELLO, MINI).flatMap(bytes -> {
            Arbitrary<Long> value = Arbitraries.of(0L, 1L, -1L, 0x7fffffffL, 0x80000000L, 0xffffffffL,
                    Long.MAX_VALUE, Long.MIN_VALUE, bytes.length - 1L, (long) bytes.length, 0xff00L, 0xfff1L);
            return Combinators.combine(position(bytes), Arbitraries.of(1, 2, 4, 8), value)
                    .as((position, width, v) -> overwrite(bytes, position, width, v));
        });
    }

    @Provide
    Arbitrary<byte[]> truncatedCopies() {
        return Arbitraries.of(HELLO, MINI).flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1)
                .map(length -> Arrays.copyOf(bytes, length)));
    }

    @Provide
    Arbitrary<byte[]> corruptedDebugdata() {
        ElfSectionHeader section = ElfFile.parse(ByteBuffer.wrap(MINI), "mini").section(ElfConstants.GNU_DEBUGDATA)
                .orElseThrow();
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

    private static Arbitrary<byte[]> flips(byte[] bytes, int maxFlips) {
        Arbitrary<int[]> flip = Combinators.combine(position(bytes), Arbitraries.integers().between(1, 255))
                .as((position, mask) -> new int[] {position, mask});
        return flip.list().ofMinSize(1).ofMaxSize(maxFlips).map(flips -> {
            byte[] copy = bytes.clone();
            flips.forEach(f -> copy[f[0]] ^= (byte) f[1]);
            return copy;
        });
    }

    /** A byte in the ELF header, the section header table or a symbol, string, version or note table. */
    private static Arbitrary<Integer> position(byte[] bytes) {
        return Arbitraries.of(STRUCTURES.get(bytes))
                .flatMap(range -> Arbitraries.integers().between(range[0], range[0] + range[1] - 1));
    }

    private static List<int[]> structures(byte[] bytes) {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(bytes), "pristine");
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 64});
        ranges.add(new int[] {(int) elf.header().e_shoff, elf.sectionHeaders().size() * 64});
        for (ElfSectionHeader section : elf.sectionHeaders()) {
            if (TABLE_TYPES.contains(section.sh_type) && section.hasFileData() && section.sh_size > 0) {
                ranges.add(new int[] {(int) section.sh_offset, (int) section.sh_size});
            }
        }
        return ranges;
    }

    private static byte[] overwrite(byte[] bytes, int position, int width, long value) {
        byte[] copy = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int at = Math.min(position, copy.length - width);
        switch (width) {
            case 1 -> buffer.put(at, (byte) value);
            case 2 -> buffer.putShort(at, (short) value);
            case 4 -> buffer.putInt(at, (int) value);
            default -> buffer.putLong(at, value);
        }
        return copy;
    }

    private interface Build {
        ElfFunctionSymbols run();
    }

    private static void assertBuildsOrIsMalformed(Build build) {
        ElfFunctionSymbols symbols;
        try {
            symbols = build.run();
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            return;
        }
        try {
            symbols.sourceLineAt(0x1139);
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
        // the fixtures' code lies in [0x1000, 0x1200); a corrupted symbol may claim any address, so sample beyond
        for (long address = 0xf00; address < 0x1300; address++) {
            Optional<FunctionSymbol> found = symbols.functionAt(address);
            if (found.isPresent()) {
                FunctionSymbol symbol = found.get();
                assertThat(Long.compareUnsigned(symbol.start(), address)).isLessThanOrEqualTo(0);
                if (symbol.size() != 0) {
                    assertThat(Long.compareUnsigned(address - symbol.start(), symbol.size())).isLessThan(0);
                }
            }
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ElfFunctionSymbolsFuzzTest.class.getResourceAsStream("/fixtures/elf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
