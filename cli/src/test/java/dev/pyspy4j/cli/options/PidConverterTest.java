// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** py-spy's pid syntax: decimal, or hexadecimal after {@code 0x}. */
class PidConverterTest {
    private final PidConverter converter = new PidConverter();

    @Test
    void readsDecimal() {
        assertThat(converter.convert("6685")).isEqualTo(6685L);
    }

    @Test
    void readsHexadecimalInEitherCase() {
        assertThat(converter.convert("0x1A1d")).isEqualTo(6685L);
        assertThat(converter.convert("0X1a1D")).isEqualTo(6685L);
    }

    @Test
    void readsTheLargestPid() {
        assertThat(converter.convert("2147483647")).isEqualTo(2147483647L);
        assertThat(converter.convert("0x7fffffff")).isEqualTo(2147483647L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12a", "0x", "0xg1", "-5", "+5", " 5", "5 ", "1.0", "1e3", "٣", "0b101"})
    void rejectsWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a process id (a decimal number, or hexadecimal after 0x)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0x0", "2147483648", "0x80000000", "99999999999999999999999"})
    void rejectsNumbersNoProcessCanHave(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a process id (1 to 2147483647)");
    }

    @Property
    void everyPositiveIntRoundTripsInBothNotations(@ForAll @IntRange(min = 1) int pid) {
        assertThat(converter.convert(Integer.toString(pid))).isEqualTo(pid);
        assertThat(converter.convert("0x" + Integer.toHexString(pid))).isEqualTo(pid);
    }

    @Property
    void anyTextIsEitherAPidOrARejection(@ForAll String text) {
        try {
            long pid = converter.convert(text);
            assertThat(text).matches("[0-9]+|0[xX][0-9a-fA-F]+");
            assertThat(pid).isBetween(1L, (long) Integer.MAX_VALUE);
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).startsWith("'" + text + "' is not a process id");
        }
    }
}
