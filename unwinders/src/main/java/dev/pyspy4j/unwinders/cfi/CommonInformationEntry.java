// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

/**
 * A CIE: what the frame descriptions that point to it share.
 *
 * @param offset                  where it starts in its section
 * @param codeAlignment           the factor of {@code advance_loc} deltas
 * @param dataAlignment           the factor of register offsets
 * @param returnAddressRegister   the column holding the return address (16 on x86_64)
 * @param fdeEncoding             how its FDEs store their addresses ({@code R} augmentation; absptr otherwise)
 * @param hasAugmentationData     whether its FDEs carry an augmentation-data block ({@code z})
 * @param signalFrame             whether its FDEs describe signal frames ({@code S}): their pc is not a return address
 * @param instructionsStart       where its initial instructions start in the section
 * @param instructionsEnd         where they end
 */
record CommonInformationEntry(int offset, long codeAlignment, long dataAlignment, int returnAddressRegister,
                              int fdeEncoding, boolean hasAugmentationData, boolean signalFrame,
                              int instructionsStart, int instructionsEnd) {
}
