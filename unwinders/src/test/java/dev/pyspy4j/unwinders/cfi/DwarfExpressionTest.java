// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each DWARF operation CFI uses, on hand-computed values. */
class DwarfExpressionTest {
    /** rsp (7) = 0x1000, rbp (6) = 0x2000, r17 = 5; memory: 8 bytes of 0x1122334455667788 at 0x1010. */
    static final ExpressionContext CONTEXT = new ExpressionContext() {
        private final Map<Integer, Long> registers = Map.of(7, 0x1000L, 6, 0x2000L, 17, 5L);

        @Override
        public long register(int number) {
            Long value = registers.get(number);
            if (value == null) {
                throw new SpyException(FailureKind.MALFORMED_INPUT, "register " + number + " unknown");
            }
            return value;
        }

        @Override
        public long memory(long address, int size) {
            if (address != 0x1010) {
                throw new SpyException(FailureKind.MEMORY_READ, "unmapped 0x" + Long.toHexString(address));
            }
            long value = 0x1122334455667788L;
            return size == 8 ? value : value & ((1L << (8 * size)) - 1);
        }
    };

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // expression bytes (hex), expected result (hex, two's complement)
        "77 10 06, 1122334455667788", // breg7 +16; deref
        "77 10 94 04, 55667788", // deref_size 4
        "77 10 94 01, 88",
        "76 00, 2000", // breg6 +0
        "57, 1000", // reg7
        "90 11, 5", // regx 17
        "92 11 7f, 4", // bregx 17 -1
        "03 08 07 06 05 04 03 02 01, 0102030405060708", // addr
        "08 ff, ff", // const1u
        "09 ff, ffffffffffffffff", // const1s -1
        "0a 34 12, 1234",
        "0b fe ff, fffffffffffffffe",
        "0c 78 56 34 12, 12345678",
        "0d ff ff ff ff, ffffffffffffffff",
        "0e 01 00 00 00 00 00 00 80, 8000000000000001",
        "0f ff ff ff ff ff ff ff ff, ffffffffffffffff",
        "10 e5 8e 26, 98765", // constu 624485
        "11 7f, ffffffffffffffff", // consts -1
        "35 12 22, a", // lit5 dup plus
        "35 36 13, 5", // lit5 lit6 drop
        "35 36 14, 5", // over
        "35 36 37 15 02, 5", // pick 2
        "35 36 16, 5", // swap: top is 5
        "31 32 33 17, 2", // rot: 1 2 3 -> 3 1 2, top 2
        "31 32 33 17 13, 1",
        "31 32 33 17 13 13, 3",
        "11 7b 19, 5", // abs(-5)
        "3c 3a 1a, 8", // 12 and 10
        "11 74 33 1b, fffffffffffffffc", // -12 / 3 signed
        "3a 33 1c, 7", // minus
        "3a 33 1d, 1", // mod
        "3a 33 1e, 1e", // mul
        "35 1f, fffffffffffffffb", // neg
        "30 20, ffffffffffffffff", // not
        "3c 3a 21, e", // or
        "31 34 24, 10", // shl
        "11 70 32 25, 3ffffffffffffffc", // -16 >>> 2
        "11 70 32 26, fffffffffffffffc", // -16 >> 2
        "3c 3a 27, 6", // xor
        "33 33 29, 1", // eq
        "33 34 2a, 0", // ge
        "34 33 2b, 1", // gt
        "33 34 2c, 1", // le
        "11 7f 30 2d, 1", // -1 < 0 signed
        "33 34 2e, 1", // ne
        "31 2f 01 00 3f 35, 5", // lit1; skip +1 over lit15... skip 1 byte (the 3f), then lit5
        "31 28 01 00 3f 35, 5", // bra taken
        "30 28 01 00 3f, f", // bra not taken: lit15 runs
        "96 35, 5", // nop
    })
    void computes(String code, String expected) {
        assertThat(DwarfExpression.evaluate(bytes(code), CONTEXT)).isEqualTo(Long.parseUnsignedLong(expected, 16));
    }

    @Test
    void registerRulesStartWithTheCfaOnTheStack() {
        assertThat(DwarfExpression.evaluate(bytes("23 08"), CONTEXT, 0x3000)).isEqualTo(0x3008); // plus_uconst 8
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "''", // empty: no result
        "13", // drop on an empty stack
        "1a", // and with nothing
        "30 30 1b", // divide by zero
        "30 30 1d", // modulo by zero
        "15 00", // pick from empty stack
        "30 2f fd ff", // lit0; skip -3 back to itself... forever
        "2f 10 00", // skip past the end
        "2f f0 ff", // skip before the start
        "94 03", // deref_size 3
        "e0", // DW_OP_GNU_push_tls_address: not for CFI
        "0c 01 02", // truncated operand
        "74 00", // breg4: register unknown here
    })
    void rejectsMalformedExpressions(String code) {
        assertThatThrownBy(() -> DwarfExpression.evaluate(bytes(code), CONTEXT))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT));
    }

    @Test
    void aLoopEndsAfterTheStepLimit() {
        // lit1; bra -4 (back to lit1): loops forever, the stack staying one deep; lit1; dup; skip back to dup grows it
        byte[] loop = bytes("31 28 fc ff");
        assertThatThrownBy(() -> DwarfExpression.evaluate(loop, CONTEXT))
                .isInstanceOf(SpyException.class).hasMessageContaining("does not finish");
        byte[] growing = bytes("31 12 2f fc ff");
        assertThatThrownBy(() -> DwarfExpression.evaluate(growing, CONTEXT))
                .isInstanceOf(SpyException.class).hasMessageContaining("stack entries");
    }

    @Test
    void unreadableMemoryIsAReadFailure() {
        assertThatThrownBy(() -> DwarfExpression.evaluate(bytes("77 00 06"), CONTEXT))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ));
    }

    static byte[] bytes(String hex) {
        String[] words = hex.isBlank() ? new String[0] : hex.trim().split(" ");
        byte[] bytes = new byte[words.length];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = (byte) Integer.parseInt(words[i], 16);
        }
        return bytes;
    }
}
