// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Garbage in any decoder of kernel records ends in a MALFORMED_INPUT failure or a value, never another exception. */
class KinfoFuzzTest {
    @Property(tries = 300)
    @Fuzz
    void vmmapDecoderFailsOnlyAsMalformed(@ForAll("mutatedVmmaps") byte[] bytes) {
        try {
            List<VmEntry> entries = KinfoVmentries.decode(bytes, "vmmap");
            assertThat(entries).allSatisfy(entry -> assertThat(Long.compareUnsigned(entry.end(), entry.start()))
                    .isPositive());
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
    }

    @Property(tries = 300)
    @Fuzz
    void procDecoderFailsOnlyAsMalformed(@ForAll("mutatedProcs") byte[] bytes) {
        try {
            KinfoProcs.decode(bytes, "proc");
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
    }

    @Property(tries = 300)
    @Fuzz
    void registerDecoderFailsOnlyAsMalformed(@ForAll("anyBytes") byte[] bytes) {
        try {
            AmdRegisters.decode(bytes, "regs");
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        }
    }

    @Property(tries = 300)
    @Fuzz
    void stringDecodersNeverFail(@ForAll("anyBytes") byte[] bytes) {
        assertThat(CStrings.list(bytes)).isNotNull();
        assertThat(CStrings.of(bytes)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2400);
    }

    /** Valid vmmap values with a few bytes overwritten, cut or doubled: most garbage is close to the real thing. */
    @Provide
    Arbitrary<byte[]> mutatedVmmaps() {
        Arbitrary<byte[]> valid = Arbitraries.of(KinfoBytes.concat(List.of(
                KinfoBytes.packedVmentry(2, 0x200000, 0x245000, 0, 1, 5, "/usr/local/bin/python3.11"),
                KinfoBytes.packedVmentry(3, 0x800000000L, 0x800021000L, 0, 1, 3, ""),
                KinfoBytes.fullVmentry(2, 0x801000000L, 0x801200000L, 0x1000, 0, 1, "/lib/libc.so.7"))));
        return mutate(valid);
    }

    @Provide
    Arbitrary<byte[]> mutatedProcs() {
        Arbitrary<byte[]> valid = Arbitraries.of(KinfoBytes.concat(List.of(
                KinfoBytes.kinfoProc(42, 100101, 2, "python3.11", "python3.11", "", 0, 2),
                KinfoBytes.kinfoProc(42, 100102, 3, "python3.11", "worker-thread-name", "nanslp", 0, 2))));
        return Arbitraries.oneOf(mutate(valid), anyBytes());
    }

    private static Arbitrary<byte[]> mutate(Arbitrary<byte[]> valid) {
        return valid.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1).list().ofMaxSize(8)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).flatMap(values ->
                        Arbitraries.integers().between(0, bytes.length).map(cut -> {
                            byte[] copy = bytes.clone();
                            for (int i = 0; i < positions.size(); i++) {
                                copy[positions.get(i)] = values.get(i);
                            }
                            return java.util.Arrays.copyOf(copy, cut);
                        }))));
    }
}
