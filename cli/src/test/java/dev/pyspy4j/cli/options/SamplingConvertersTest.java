// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --rate} and {@code --duration}: whole numbers in range, or {@code unlimited} for the duration. */
class SamplingConvertersTest {
    private final RateConverter rate = new RateConverter();
    private final DurationConverter duration = new DurationConverter();

    @Test
    void unlimitedIsNoDuration() {
        assertThat(duration.convert("unlimited")).isNull();
    }

    @Test
    void leadingZerosAreFine() {
        assertThat(rate.convert("0100")).isEqualTo(100);
        assertThat(duration.convert("007")).isEqualTo(7L);
    }

    @Test
    void readsTheBoundsOfEachRange() {
        assertThat(rate.convert("1")).isEqualTo(1);
        assertThat(rate.convert("1000000")).isEqualTo(1_000_000);
        assertThat(duration.convert("1")).isEqualTo(1L);
        assertThat(duration.convert("2147483647")).isEqualTo(2_147_483_647L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+5", " 5", "1.5", "1e3", "٣", "0x10", "Unlimited", "99999999999999999999"})
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> rate.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'" + text + "' is not a sampling rate");
        assertThatThrownBy(() -> duration.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'" + text + "' is not a duration");
    }

    @Property
    void everyRateInRangeReadsBack(@ForAll @IntRange(min = 1, max = 1_000_000) int value) {
        assertThat(rate.convert(Integer.toString(value))).isEqualTo(value);
    }

    @Property
    void everyDurationInRangeReadsBack(@ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long value) {
        assertThat(duration.convert(Long.toString(value))).isEqualTo(value);
    }

    @Property
    void anyTextIsEitherInRangeOrAClearError(@ForAll String text) {
        try {
            int value = rate.convert(text);
            assertThat(value).isBetween(1, 1_000_000);
            assertThat(text).matches("[0-9]+");
            assertThat(Long.parseLong(text)).isEqualTo(value);
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a sampling rate (1 to 1000000 samples per"
                    + " second)");
        }
        try {
            Long value = duration.convert(text);
            if (value == null) {
                assertThat(text).isEqualTo("unlimited");
            } else {
                assertThat(text).matches("[0-9]+");
                assertThat(Long.parseLong(text)).isEqualTo(value);
            }
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).startsWith("'" + text + "' is not a duration (");
        }
    }
}
