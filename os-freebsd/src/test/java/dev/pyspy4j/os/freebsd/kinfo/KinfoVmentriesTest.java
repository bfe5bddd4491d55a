// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KinfoVmentriesTest {
    private static final String WHAT = "kern.proc.vmmap.42";

    @Test
    void decodesPackedRecordsOfEveryLength() {
        byte[] bytes = KinfoBytes.concat(List.of(
                KinfoBytes.packedVmentry(2, 0x200000, 0x245000, 0, 0x1, 5, "/usr/local/bin/python3.11"),
                KinfoBytes.packedVmentry(3, 0x800000000L, 0x800021000L, 0x1000, 0x1, 3, ""),
                KinfoBytes.packedVmentry(3, 0x7fffdfffe000L, 0x7ffffffdf000L, 0, 0x21, 3, "")));
        assertThat(bytes.length).isEqualTo(168 + 144 + 144);
        assertThat(KinfoVmentries.decode(bytes, WHAT)).containsExactly(
                new VmEntry(2, 0x200000, 0x245000, 0, 0x1, 5, "/usr/local/bin/python3.11"),
                new VmEntry(3, 0x800000000L, 0x800021000L, 0x1000, 0x1, 3, ""),
                new VmEntry(3, 0x7fffdfffe000L, 0x7ffffffdf000L, 0, 0x21, 3, ""));
    }

    @Test
    void decodesWholeRecordsAsOldKernelsReturnThem() {
        byte[] bytes = KinfoBytes.concat(List.of(
                KinfoBytes.fullVmentry(2, 0x1000, 0x2000, 0x3000, 0, 1, "/lib/libc.so.7"),
                KinfoBytes.packedVmentry(2, 0x2000, 0x3000, 0, 0, 5, "/lib/libthr.so.3")));
        assertThat(KinfoVmentries.decode(bytes, WHAT)).extracting(VmEntry::path)
                .containsExactly("/lib/libc.so.7", "/lib/libthr.so.3");
    }

    @Test
    void emptyValueHasNoEntries() {
        assertThat(KinfoVmentries.decode(new byte[0], WHAT)).isEmpty();
    }

    @Test
    void sizeTooSmallToHoldThePathIsMalformed() {
        byte[] record = KinfoBytes.packedVmentry(2, 0x1000, 0x2000, 0, 0, 1, "/x");
        ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0);
        assertMalformed(record, "record at offset 0 has size 0, not between 137 and 1160");
    }

    @Test
    void recordRunningPastTheEndIsMalformed() {
        byte[] record = KinfoBytes.packedVmentry(2, 0x1000, 0x2000, 0, 0, 1, "/lib/libc.so.7");
        assertMalformed(java.util.Arrays.copyOf(record, record.length - 8),
                "record at offset 0 of 152 bytes runs past the end (144 bytes)");
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] record = KinfoBytes.packedVmentry(2, 0x1000, 0x2000, 0, 0, 1, "/x");
        assertMalformed(java.util.Arrays.copyOf(record, record.length + 2), "trailing 2 bytes at offset 144");
    }

    @Test
    void pathWithoutNulIsMalformed() {
        byte[] record = KinfoBytes.packedVmentry(2, 0x1000, 0x2000, 0, 0, 1, "/abcdef");
        java.util.Arrays.fill(record, 136, record.length, (byte) 'a');
        assertMalformed(record, "the path of the record at offset 0 has no terminating NUL");
    }

    @Test
    void entryEndingBeforeItStartsIsMalformed() {
        assertMalformed(KinfoBytes.packedVmentry(2, 0x2000, 0x2000, 0, 0, 1, "/x"),
                "record at offset 0 ends (0x2000) before it starts (0x2000)");
    }

    private static void assertMalformed(byte[] bytes, String problem) {
        assertThatThrownBy(() -> KinfoVmentries.decode(bytes, WHAT))
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.MALFORMED_INPUT))
                .hasMessage("malformed " + WHAT + ": " + problem);
    }

    private static Consumer<SpyException> ofKind(FailureKind kind) {
        return e -> assertThat(e.kind()).isEqualTo(kind);
    }
}
