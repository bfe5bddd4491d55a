// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The damage the object-file fuzz properties do to real files: truncation, byte flips and boundary values written
 * over fields, aimed at the file's structures (headers, tables) where a reader's bounds checks live.
 */
public final class ByteMutations {
    private ByteMutations() {
    }

    /** A copy of one of {@code originals} cut anywhere before its end. */
    public static Arbitrary<byte[]> truncations(Arbitrary<byte[]> originals) {
        return originals.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1)
                .map(length -> Arrays.copyOf(bytes, length)));
    }

    /** A byte at one of the {@code {offset, length}} ranges. */
    public static Arbitrary<Integer> positionsIn(List<int[]> ranges) {
        return Arbitraries.of(ranges)
                .flatMap(range -> Arbitraries.integers().between(range[0], range[0] + range[1] - 1));
    }

    /** A copy of {@code original} with one to eight bytes at {@code positions} XORed with a non-zero mask. */
    public static Arbitrary<byte[]> flips(byte[] original, Arbitrary<Integer> positions) {
        Arbitrary<int[]> flip = Combinators.combine(positions, Arbitraries.integers().between(1, 255))
                .as((position, mask) -> new int[] {position, mask});
        return flip.list().ofMinSize(1).ofMaxSize(8).map(flips -> {
            byte[] copy = original.clone();
            flips.forEach(f -> copy[f[0]] ^= (byte) f[1]);
            return copy;
        });
    }

    /**
     * A copy of {@code original} with one 2-, 4- or 8-byte field at {@code positions} overwritten, in one of
     * {@code orders}, with a boundary value: 0, 1, all ones, sign bits, 0xffff, or the file's size and its neighbours.
     */
    public static Arbitrary<byte[]> overwrites(byte[] original, Arbitrary<Integer> positions,
            Arbitrary<ByteOrder> orders) {
        Arbitrary<Long> value = Arbitraries.of(0L, 1L, -1L, 0xffffL, 0x7fffffffL, 0x80000000L, 0xffffffffL,
                Long.MAX_VALUE, Long.MIN_VALUE, original.length - 1L, (long) original.length, original.length + 1L);
        return Combinators.combine(positions, Arbitraries.of(2, 4, 8), value, orders)
                .as((position, width, v, order) -> overwrite(original, position, width, v, order));
    }

    private static byte[] overwrite(byte[] bytes, int position, int width, long value, ByteOrder order) {
        byte[] copy = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(order);
        int at = Math.min(position, copy.length - width);
        switch (width) {
            case 2 -> buffer.putShort(at, (short) value);
            case 4 -> buffer.putInt(at, (int) value);
            default -> buffer.putLong(at, value);
        }
        return copy;
    }
}
