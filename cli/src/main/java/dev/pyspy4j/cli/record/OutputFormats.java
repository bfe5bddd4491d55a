// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats {@code record} can write: every {@link OutputFormat} found on the class path that supports this
 * platform, third-party plugins included, chosen by id without regard to case as py-spy's {@code --format}.
 */
public final class OutputFormats {
    /** The format used when none is asked for. */
    public static final String DEFAULT = "flamegraph";

    private final List<OutputFormat> available;

    public OutputFormats(ProviderRegistry<OutputFormat> registry, Platform platform) {
        // supported() puts the highest priority first, so it wins when two formats share an id.
        this.available = registry.supported(platform);
    }

    /** Every available format, by id. */
    public List<OutputFormat> available() {
        return available.stream().sorted(Comparator.comparing(OutputFormat::id)).toList();
    }

    /**
     * The format named {@code id}, whatever its case.
     *
     * @throws SpyException USAGE naming the value and the choices when no format has that id
     */
    public OutputFormat select(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return available.stream()
                .filter(format -> format.id().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new SpyException(FailureKind.USAGE, "invalid value '" + id + "' for '--format': "
                        + (available.isEmpty() ? "no output format was found on the class path"
                                : "choose one of " + available().stream().map(OutputFormat::id)
                                        .collect(Collectors.joining(", ")))));
    }
}
