// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

/**
 * An FDE: the call-frame instructions of one address range.
 *
 * @param offset            where it starts in its section
 * @param cie               its CIE
 * @param pcBegin           first address covered (as the binary records it, before load bias)
 * @param pcEnd             first address after the range
 * @param instructionsStart where its instructions start in the section
 * @param instructionsEnd   where they end
 */
record FrameDescriptionEntry(int offset, CommonInformationEntry cie, long pcBegin, long pcEnd,
                             int instructionsStart, int instructionsEnd) {
    boolean covers(long pc) {
        return Long.compareUnsigned(pc, pcBegin) >= 0 && Long.compareUnsigned(pc, pcEnd) < 0;
    }
}
