// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.Arrays;

/**
 * How to find a register's value in the caller's frame (DWARF 5 §6.4.1 "register rules").
 *
 * @param kind       which rule
 * @param operand    the offset from the CFA ({@code OFFSET}, {@code VAL_OFFSET}) or the register ({@code REGISTER})
 * @param expression the DWARF expression ({@code EXPRESSION}, {@code VAL_EXPRESSION}), else empty
 */
public record RegisterRule(Kind kind, long operand, byte[] expression) {
    /** The rules CFI can state, plus {@code UNSPECIFIED} for a register it never mentions. */
    public enum Kind {
        /** Not mentioned: the caller's value is taken to be unchanged, as unwinders conventionally do. */
        UNSPECIFIED,
        /** The caller's value cannot be recovered (the outermost frame marks its return address so). */
        UNDEFINED,
        /** The register was not changed. */
        SAME_VALUE,
        /** Saved at {@code CFA + operand}. */
        OFFSET,
        /** The value is {@code CFA + operand}. */
        VAL_OFFSET,
        /** Saved in register {@code operand}. */
        REGISTER,
        /** Saved at the address the expression computes (the CFA pushed first). */
        EXPRESSION,
        /** The value is what the expression computes (the CFA pushed first). */
        VAL_EXPRESSION
    }

    private static final byte[] NONE = new byte[0];
    public static final RegisterRule UNSPECIFIED = new RegisterRule(Kind.UNSPECIFIED, 0, NONE);
    public static final RegisterRule UNDEFINED = new RegisterRule(Kind.UNDEFINED, 0, NONE);
    public static final RegisterRule SAME_VALUE = new RegisterRule(Kind.SAME_VALUE, 0, NONE);

    public RegisterRule {
        expression = expression.clone();
    }

    static RegisterRule offset(long offset) {
        return new RegisterRule(Kind.OFFSET, offset, NONE);
    }

    static RegisterRule valOffset(long offset) {
        return new RegisterRule(Kind.VAL_OFFSET, offset, NONE);
    }

    static RegisterRule register(int register) {
        return new RegisterRule(Kind.REGISTER, register, NONE);
    }

    static RegisterRule expression(byte[] expression) {
        return new RegisterRule(Kind.EXPRESSION, 0, expression);
    }

    static RegisterRule valExpression(byte[] expression) {
        return new RegisterRule(Kind.VAL_EXPRESSION, 0, expression);
    }

    @Override
    public byte[] expression() {
        return expression.clone();
    }

    /** The expression without copying, for evaluation. */
    byte[] expressionBytes() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegisterRule that && kind == that.kind && operand == that.operand
                && Arrays.equals(expression, that.expression);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Long.hashCode(operand)) + Arrays.hashCode(expression);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OFFSET -> "c" + (operand >= 0 ? "+" : "") + operand;
            case VAL_OFFSET -> "v" + (operand >= 0 ? "+" : "") + operand;
            case REGISTER -> "r" + operand;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
