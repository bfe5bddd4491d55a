// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

/**
 * What every {@link java.util.ServiceLoader}-discovered provider declares about itself.
 * Implementations are stateless, have a public no-argument constructor and are cheap to build.
 */
public interface Provider {
    /** Short stable identifier, e.g. {@code linux} or {@code flamegraph}; unique per provider type. */
    String id();

    /** Whether this provider can work on the given platform. */
    default boolean isSupported(Platform platform) {
        return true;
    }

    /** Higher wins when several supported providers of one type exist and none was asked for by id. */
    default int priority() {
        return 0;
    }

    /**
     * The SPI version this provider was compiled against; the registry skips mismatches. The default returns the
     * version of the SPI the provider runs with, so it tells nothing: a provider built outside pyspy4j declares its
     * version by overriding this with {@code return SpiVersion.CURRENT;} (the compiler copies the constant into the
     * provider's class) or in its jar's manifest ({@link SpiVersion#MANIFEST_ATTRIBUTE}).
     */
    default int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
