// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

/** The version of the provider contracts; bumped on any incompatible change to the SPI. */
public final class SpiVersion {
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
