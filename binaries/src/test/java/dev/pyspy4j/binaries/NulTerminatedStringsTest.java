// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NulTerminatedStringsTest {
    private static final int RUN = 1 << 20;

    @Test
    void namesSharingATailAndRepeatedOffsets() {
        byte[] table = "\0_PyRuntime\0Py_Version\0".getBytes(StandardCharsets.ISO_8859_1);
        NulTerminatedStrings strings = strings(table, 0, table.length);
        assertThat(strings.at(1, "a")).isEqualTo("_PyRuntime");
        assertThat(strings.at(2, "b")).isEqualTo("PyRuntime");
        assertThat(strings.at(0, "c")).isEmpty();
        assertThat(strings.at(12, "d")).isEqualTo("Py_Version");
        assertThat(strings.at(1, "e")).isSameAs(strings.at(1, "f"));
    }

    @Test
    void offsetsOutsideTheRegionAndStringsWithoutANul() {
        byte[] bytes = "xx\0abc".getBytes(StandardCharsets.ISO_8859_1);
        NulTerminatedStrings strings = strings(bytes, 3, 3);
        assertMalformed(() -> strings.at(0, "symbol 1"), "symbol 1: string at 0x0 lies outside the strings at 0x3");
        assertMalformed(() -> strings.at(4, "symbol 2"), "symbol 2: string at 0x4 has no terminating NUL");
    }

    /** 65536 names into one NUL-free megabyte: one pass over it, then each lookup fails at once. */
    @Test
    void manyNamesIntoOneRunWithoutANulScanItOnce() {
        byte[] run = new byte[RUN];
        Arrays.fill(run, (byte) 'a');
        NulTerminatedStrings strings = strings(run, 0, RUN);
        int failures = 0;
        for (int offset = RUN - 1; offset >= 0; offset -= 16) {
            try {
                strings.at(offset, "symbol");
            } catch (SpyException e) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(RUN / 16);
        assertMalformed(() -> strings.at(0, "symbol"), "has no terminating NUL");
    }

    /** Names at every offset of one long name would add up to its length squared; the reader stops first. */
    @Test
    void namesAtEveryOffsetOfOneLongNameExhaustTheBudget() {
        byte[] run = new byte[RUN];
        Arrays.fill(run, 0, RUN - 1, (byte) 'a');
        NulTerminatedStrings strings = strings(run, 0, RUN);
        SpyException e = catchThrowableOfType(() -> {
            for (int offset = 0; offset < RUN; offset++) {
                strings.at(offset, "symbol " + offset);
            }
        }, SpyException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("symbol 8: the names in the strings at 0x0 (1048576 bytes) overlap more"
                + " than 8 times over");
    }

    private static NulTerminatedStrings strings(byte[] bytes, int start, int length) {
        return new NulTerminatedStrings(BoundedBytes.over(ByteBuffer.wrap(bytes), "Mach-O", "t.o"), start, length,
                "strings");
    }

    private static void assertMalformed(Runnable lookup, String detail) {
        SpyException e = catchThrowableOfType(lookup::run, SpyException.class);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        assertThat(e.getMessage()).startsWith("malformed Mach-O file 't.o': ").contains(detail);
    }
}
