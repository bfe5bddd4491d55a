// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Corrupted, truncated and random {@code .debug_line} bytes decode to a table or fail with MALFORMED_INPUT; never
 * another exception or a hang; looking addresses up in a decoded table never throws.
 */
@Fuzz
class LineProgramFuzzTest {
    private static final byte[] VALID = LinePrograms.both();

    @Property(tries = 5000)
    void flippedBytes(@ForAll("flipped") byte[] bytes) {
        assertDecodesOrIsMalformed(bytes);
    }

    @Property(tries = 3000)
    void extremeValues(@ForAll("overwritten") byte[] bytes) {
        assertDecodesOrIsMalformed(bytes);
    }

    @Property(tries = 1000)
    void truncated(@ForAll("truncatedCopies") byte[] bytes) {
        assertDecodesOrIsMalformed(bytes);
    }

    @Property(tries = 2000)
    void randomBytes(@ForAll @Size(max = 600) byte[] bytes) {
        assertDecodesOrIsMalformed(bytes);
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        Arbitrary<int[]> flip = Combinators.combine(Arbitraries.integers().between(0, VALID.length - 1),
                Arbitraries.integers().between(1, 255)).as((position, mask) -> new int[] {position, mask});
        return flip.list().ofMinSize(1).ofMaxSize(6).map(flips -> {
            byte[] copy = VALID.clone();
            flips.forEach(f -> copy[f[0]] ^= (byte) f[1]);
            return copy;
        });
    }

    @Provide
    Arbitrary<byte[]> overwritten() {
        Arbitrary<Long> value = Arbitraries.of(0L, 1L, -1L, 0x7fL, 0x80L, 0xffL, 0x7fffffffL, 0xfffffff0L,
                0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE);
        return Combinators.combine(Arbitraries.integers().between(0, VALID.length - 1), Arbitraries.of(1, 2, 4, 8),
                value).as((position, width, v) -> {
                    byte[] copy = VALID.clone();
                    ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                    int at = Math.min(position, copy.length - width);
                    switch (width) {
                        case 1 -> buffer.put(at, (byte) (long) v);
                        case 2 -> buffer.putShort(at, (short) (long) v);
                        case 4 -> buffer.putInt(at, (int) (long) v);
                        default -> buffer.putLong(at, v);
                    }
                    return copy;
                });
    }

    @Provide
    Arbitrary<byte[]> truncatedCopies() {
        return Arbitraries.integers().between(0, VALID.length - 1).map(length -> Arrays.copyOf(VALID, length));
    }

    private static void assertDecodesOrIsMalformed(byte[] bytes) {
        LineTable table;
        try {
            table = LineProgramReaderTest.read(bytes);
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            return;
        }
        for (long address = 0xff0; address < 0x2020; address++) {
            table.at(address);
        }
    }
}
