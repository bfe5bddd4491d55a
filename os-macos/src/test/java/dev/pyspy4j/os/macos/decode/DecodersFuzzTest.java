// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes the kernel (or a confused binding) hands back, every decoder either decodes them or throws
 * SpyException(MALFORMED_INPUT): no other exception, no loop. The KERN_PROCARGS2 decoder also gets areas built the
 * right way and then damaged (argc overwritten, bytes cut off or replaced).
 */
@Fuzz
class DecodersFuzzTest {
    @Property(tries = 1000)
    void fixedStructuresOfAnyLength(@ForAll @Size(max = 256) byte[] bytes) {
        assertDecodesOrIsMalformed(bytes, VmRegionBasicInfo64::decode);
        assertDecodesOrIsMalformed(bytes, ThreadBasicInfo::decode);
        assertDecodesOrIsMalformed(bytes, ThreadIdentifierInfo::decode);
        assertDecodesOrIsMalformed(bytes, X86ThreadState64::decode);
        assertDecodesOrIsMalformed(bytes, ThreadExtendedInfo::name);
    }

    @Property(tries = 1000)
    void procArgs2OfRandomBytes(@ForAll @Size(max = 1024) byte[] bytes) {
        assertDecodesOrIsMalformed(bytes, ProcArgs2::decode);
    }

    @Property(tries = 1000)
    void procArgs2DamagedAfterBeingBuiltRight(@ForAll("damagedAreas") byte[] bytes) {
        assertDecodesOrIsMalformed(bytes, ProcArgs2::decode);
    }

    @Provide
    Arbitrary<byte[]> damagedAreas() {
        Arbitrary<byte[]> area = Arbitraries.strings().alpha().ofMaxLength(12).list().ofMaxSize(6)
                .map(arguments -> {
                    StringBuilder text = new StringBuilder("/usr/local/bin/python3\0\0\0");
                    arguments.forEach(argument -> text.append(argument).append('\0'));
                    byte[] strings = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return ByteBuffer.allocate(4 + strings.length).order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(arguments.size()).put(strings).array();
                });
        return Combinators.combine(area, Arbitraries.integers(), Arbitraries.integers().between(0, 2048),
                Arbitraries.integers().between(0, 3)).as((bytes, value, position, damage) -> {
                    byte[] damaged = bytes.clone();
                    switch (damage) {
                        case 0 -> ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
                        case 1 -> damaged = java.util.Arrays.copyOf(damaged, position % (damaged.length + 1));
                        case 2 -> damaged[position % damaged.length] = (byte) value.intValue();
                        default -> java.util.Arrays.fill(damaged, 4, damaged.length, (byte) 'x');
                    }
                    return damaged;
                });
    }

    private static void assertDecodesOrIsMalformed(byte[] bytes, Function<byte[], ?> decoder) {
        try {
            assertThat(decoder.apply(bytes)).isNotNull();
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed ").doesNotContain("\n");
        }
    }
}
