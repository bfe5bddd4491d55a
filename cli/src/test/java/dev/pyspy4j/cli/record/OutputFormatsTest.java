// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.fakes.CollapsedFormat;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing a format by id, as {@code -f} does. */
class OutputFormatsTest {
    private final CollapsedFormat raw = new CollapsedFormat("raw");
    private final CollapsedFormat flamegraph = new CollapsedFormat("flamegraph");
    private final CollapsedFormat plugin = new CollapsedFormat("pprof");

    private OutputFormats formats(OutputFormat... available) {
        return new OutputFormats(ProviderRegistry.of(OutputFormat.class, List.of(available)), Platform.current());
    }

    @Test
    void choosesByIdInAnyCase() {
        OutputFormats formats = formats(raw, flamegraph, plugin);

        assertThat(formats.select("raw")).isSameAs(raw);
        assertThat(formats.select("FlameGraph")).isSameAs(flamegraph);
        assertThat(formats.select("PPROF")).isSameAs(plugin);
    }

    @Test
    void listsEveryFormatById() {
        assertThat(formats(raw, plugin, flamegraph).available()).containsExactly(flamegraph, plugin, raw);
    }

    @Test
    void anUnknownIdIsAUsageErrorListingTheChoices() {
        assertThatThrownBy(() -> formats(raw, flamegraph).select("svg")).isInstanceOfSatisfying(SpyException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.USAGE);
                    assertThat(e.getMessage())
                            .isEqualTo("invalid value 'svg' for '--format': choose one of flamegraph, raw");
                });
    }

    @Test
    void saysSoWhenNoFormatIsOnTheClassPath() {
        assertThatThrownBy(() -> formats().select("flamegraph"))
                .hasMessage("invalid value 'flamegraph' for '--format': no output format was found on the class path");
    }
}
