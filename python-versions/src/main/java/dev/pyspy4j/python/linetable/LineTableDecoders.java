// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/** The line-number table decoder of each CPython family; every decoder returned is stateless and shared. */
public final class LineTableDecoders {
    private static final LineTableDecoder LNOTAB_UNSIGNED = new LnotabDecoder(false);
    private static final LineTableDecoder LNOTAB_SIGNED = new LnotabDecoder(true);
    private static final LineTableDecoder LINETABLE_310 = new Linetable310Decoder();
    private static final LineTableDecoder LOCATION_TABLE = new LocationTableDecoder();

    private LineTableDecoders() {
    }

    /** {@code co_lnotab}: unsigned line increments for 2.7 and up to 3.5, signed for 3.6-3.9. */
    public static LineTableDecoder lnotab(boolean signedLineIncrements) {
        return signedLineIncrements ? LNOTAB_SIGNED : LNOTAB_UNSIGNED;
    }

    /** The 3.10 {@code co_linetable}. */
    public static LineTableDecoder linetable310() {
        return LINETABLE_310;
    }

    /** The 3.11+ {@code co_linetable}, the PEP 626/657 location table. */
    public static LineTableDecoder locationTable() {
        return LOCATION_TABLE;
    }
}
