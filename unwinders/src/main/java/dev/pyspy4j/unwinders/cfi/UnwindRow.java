// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.Arrays;

/**
 * One row of a function's unwind table: at the addresses {@code [start, end)} the CFA and the rules for every
 * general-purpose register (DWARF numbers 0-16, 16 being the return address on x86_64).
 *
 * @param start       first address the row applies to (as the binary records it)
 * @param end         first address after it
 * @param cfa         the CFA rule
 * @param rules       by DWARF register number; registers above 16 (vector registers) are not kept
 * @param returnAddressRegister the column that holds the return address
 * @param signalFrame whether the frame is a signal frame, whose caller's pc is exact (not a return address)
 */
public record UnwindRow(long start, long end, CfaRule cfa, RegisterRule[] rules, int returnAddressRegister,
                        boolean signalFrame) {
    /** How many register columns a row keeps. */
    public static final int COLUMNS = 17;

    public UnwindRow {
        rules = rules.clone();
    }

    public RegisterRule rule(int register) {
        return register >= 0 && register < rules.length ? rules[register] : RegisterRule.UNSPECIFIED;
    }

    @Override
    public RegisterRule[] rules() {
        return rules.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnwindRow that && start == that.start && end == that.end && cfa.equals(that.cfa)
                && Arrays.equals(rules, that.rules) && returnAddressRegister == that.returnAddressRegister
                && signalFrame == that.signalFrame;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Arrays.hashCode(rules);
    }

    @Override
    public String toString() {
        return "UnwindRow[0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end) + " cfa=" + cfa + " rules="
                + Arrays.toString(rules) + (signalFrame ? " signal" : "") + "]";
    }
}
