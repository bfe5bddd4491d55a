// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.Optional;

/** Finds the FDE that covers an address. */
interface FdeIndex {
    /**
     * The FDE covering {@code pc} (an address as the binary records it); empty when none does.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the table is malformed
     */
    Optional<FrameDescriptionEntry> find(long pc);
}
