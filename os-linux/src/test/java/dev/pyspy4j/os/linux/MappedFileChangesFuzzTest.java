// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The first page a core kept of a mapped file is the target's bytes: whatever its headers say, the ranges compared
 * with the file lie inside the page, and the NSpid reader takes any status text.
 */
@Fuzz
class MappedFileChangesFuzzTest {
    private static final int PAGE = 4096;

    @Test
    void aRealHeaderGivesTheHeaderTheProgramHeadersAndTheNotes() {
        ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);
        page.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
        page.putInt(64, 1).putLong(64 + 8, 0).putLong(64 + 32, 0x1000);
        page.putInt(120, 4).putLong(120 + 8, 0x200).putLong(120 + 32, 0x24);

        List<long[]> ranges = MappedFileChanges.identifyingRanges(page);

        assertThat(ranges).containsExactly(new long[] {0, 64}, new long[] {64, 176}, new long[] {0x200, 0x224});
    }

    @Property(tries = 5000)
    void garbageHeadersGiveRangesInsideThePage(@ForAll("pages") byte[] bytes) {
        ByteBuffer page = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        List<long[]> ranges = MappedFileChanges.identifyingRanges(page);

        assertThat(ranges).isNotEmpty().allSatisfy(range -> {
            assertThat(range[0]).isBetween(0L, (long) bytes.length);
            assertThat(range[1]).isBetween(range[0], (long) bytes.length);
        });
    }

    @Property(tries = 2000)
    void anyStatusTextGivesAnIdOrNone(@ForAll String status) {
        assertThat(PidNamespace.innermostId(status)).satisfiesAnyOf(id -> assertThat(id).isEmpty(),
                id -> assertThat(id.orElseThrow()).isPositive());
    }

    /** Pages of random bytes whose header fields are often near the edges that matter. */
    @Provide
    Arbitrary<byte[]> pages() {
        return Arbitraries.integers().between(64, PAGE).flatMap(size -> Arbitraries.bytes().array(byte[].class)
                .ofSize(size).map(bytes -> {
                    ByteBuffer page = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                    if ((bytes[5] & 1) == 0) {
                        page.putLong(0x20, 64 + (bytes[6] & 0xff)).putShort(0x36, (short) (56 + (bytes[7] & 7)));
                    }
                    return bytes;
                }));
    }
}
