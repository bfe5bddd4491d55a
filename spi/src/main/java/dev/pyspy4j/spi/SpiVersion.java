// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

/** The version of the provider contracts; bumped on any incompatible change to the SPI. */
public final class SpiVersion {
    public static final int CURRENT = 2;

    /**
     * The attribute of a plugin jar's manifest that names the SPI version the plugin was built for, e.g.
     * {@code Pyspy4j-Spi-Version: 1}. pyspy4j reads it before loading any class from the jar, so a plugin built for
     * another version is skipped with one warning rather than failing when its classes are used.
     */
    public static final String MANIFEST_ATTRIBUTE = "Pyspy4j-Spi-Version";

    private SpiVersion() {
    }
}
