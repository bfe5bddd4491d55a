// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.Arrays;

/**
 * How to compute the canonical frame address: a register plus an offset, or a DWARF expression.
 *
 * @param register   the base register (when {@code expression} is empty)
 * @param offset     added to it
 * @param expression the expression computing the CFA, or empty
 */
public record CfaRule(int register, long offset, byte[] expression) {
    public CfaRule {
        expression = expression.clone();
    }

    static CfaRule registerOffset(int register, long offset) {
        return new CfaRule(register, offset, new byte[0]);
    }

    static CfaRule expression(byte[] expression) {
        return new CfaRule(-1, 0, expression);
    }

    public boolean isExpression() {
        return expression.length > 0 || register < 0;
    }

    @Override
    public byte[] expression() {
        return expression.clone();
    }

    byte[] expressionBytes() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CfaRule that && register == that.register && offset == that.offset
                && Arrays.equals(expression, that.expression);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * register + Long.hashCode(offset)) + Arrays.hashCode(expression);
    }

    @Override
    public String toString() {
        return isExpression() ? "exp" : "r" + register + (offset >= 0 ? "+" : "") + offset;
    }
}
