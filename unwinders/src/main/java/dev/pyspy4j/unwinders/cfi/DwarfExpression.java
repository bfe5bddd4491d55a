// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;

/**
 * Evaluates the DWARF expressions call-frame information uses (DWARF 5 §2.5): the stack operations, arithmetic and
 * logic, comparisons, branches, register and memory reads. Bounded on any input: at most {@link #MAX_STEPS}
 * operations run (a backward branch cannot loop forever) and the stack holds at most {@link #MAX_DEPTH} values.
 * Anything it does not understand, or an expression that misbehaves, is malformed input.
 */
public final class DwarfExpression {
    static final int MAX_STEPS = 1000;
    static final int MAX_DEPTH = 64;

    private final CfiCursor code;
    private final ExpressionContext context;
    private final long[] stack = new long[MAX_DEPTH];
    private int depth;

    private DwarfExpression(byte[] expression, ExpressionContext context) {
        this.code = new CfiCursor(ByteBuffer.wrap(expression), 0, "DWARF expression");
        this.context = context;
    }

    /**
     * Runs {@code expression} with {@code initial} values on the stack (the CFA, for register rules) and returns
     * the value on top at the end.
     *
     * @throws SpyException MALFORMED_INPUT for a bad expression, MEMORY_READ when it reads unreadable memory
     */
    public static long evaluate(byte[] expression, ExpressionContext context, long... initial) {
        DwarfExpression evaluation = new DwarfExpression(expression, context);
        for (long value : initial) {
            evaluation.push(value);
        }
        return evaluation.run();
    }

    private long run() {
        int steps = 0;
        while (code.hasMore()) {
            if (++steps > MAX_STEPS) {
                throw malformed("does not finish within " + MAX_STEPS + " operations");
            }
            step(code.u8());
        }
        if (depth == 0) {
            throw malformed("leaves nothing on the stack");
        }
        return stack[depth - 1];
    }

    private void step(int op) {
        if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
            push(op - 0x30);
            return;
        }
        if (op >= 0x50 && op <= 0x6f) { // DW_OP_reg0..31: in CFI, the register's value
            push(context.register(op - 0x50));
            return;
        }
        if (op >= 0x70 && op <= 0x8f) { // DW_OP_breg0..31
            push(context.register(op - 0x70) + code.sleb());
            return;
        }
        switch (op) {
            case 0x03 -> push(code.u64()); // DW_OP_addr
            case 0x06 -> push(context.memory(pop(), 8)); // DW_OP_deref
            case 0x08 -> push(code.u8()); // DW_OP_const1u
            case 0x09 -> push((byte) code.u8()); // DW_OP_const1s
            case 0x0a -> push(code.u16()); // DW_OP_const2u
            case 0x0b -> push(code.s16()); // DW_OP_const2s
            case 0x0c -> push(code.u32()); // DW_OP_const4u
            case 0x0d -> push(code.s32()); // DW_OP_const4s
            case 0x0e, 0x0f -> push(code.u64()); // DW_OP_const8u, const8s
            case 0x10 -> push(code.uleb()); // DW_OP_constu
            case 0x11 -> push(code.sleb()); // DW_OP_consts
            case 0x12 -> push(peek(0)); // DW_OP_dup
            case 0x13 -> pop(); // DW_OP_drop
            case 0x14 -> push(peek(1)); // DW_OP_over
            case 0x15 -> push(peek(code.u8())); // DW_OP_pick
            case 0x16 -> { // DW_OP_swap
                long top = pop();
                long second = pop();
                push(top);
                push(second);
            }
            case 0x17 -> { // DW_OP_rot: the top moves to third place
                long first = pop();
                long second = pop();
                long third = pop();
                push(first);
                push(third);
                push(second);
            }
            case 0x19 -> push(Math.abs(pop())); // DW_OP_abs
            case 0x1a -> binary(Op.AND);
            case 0x1b -> binary(Op.DIV);
            case 0x1c -> binary(Op.MINUS);
            case 0x1d -> binary(Op.MOD);
            case 0x1e -> binary(Op.MUL);
            case 0x1f -> push(-pop()); // DW_OP_neg
            case 0x20 -> push(~pop()); // DW_OP_not
            case 0x21 -> binary(Op.OR);
            case 0x22 -> binary(Op.PLUS);
            case 0x23 -> push(pop() + code.uleb()); // DW_OP_plus_uconst
            case 0x24 -> binary(Op.SHL);
            case 0x25 -> binary(Op.SHR);
            case 0x26 -> binary(Op.SHRA);
            case 0x27 -> binary(Op.XOR);
            case 0x28 -> { // DW_OP_bra
                int offset = code.s16();
                if (pop() != 0) {
                    jump(offset);
                }
            }
            case 0x29 -> binary(Op.EQ);
            case 0x2a -> binary(Op.GE);
            case 0x2b -> binary(Op.GT);
            case 0x2c -> binary(Op.LE);
            case 0x2d -> binary(Op.LT);
            case 0x2e -> binary(Op.NE);
            case 0x2f -> jump(code.s16()); // DW_OP_skip
            case 0x90 -> push(context.register(code.ulebInt("register number"))); // DW_OP_regx
            case 0x92 -> push(context.register(code.ulebInt("register number")) + code.sleb()); // DW_OP_bregx
            case 0x94 -> { // DW_OP_deref_size
                int size = code.u8();
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw malformed("DW_OP_deref_size of " + size + " bytes");
                }
                push(context.memory(pop(), size));
            }
            case 0x96 -> { } // DW_OP_nop
            default -> throw malformed("unsupported operation 0x" + Integer.toHexString(op));
        }
    }

    private enum Op { AND, DIV, MINUS, MOD, MUL, OR, PLUS, SHL, SHR, SHRA, XOR, EQ, GE, GT, LE, LT, NE }

    /** Pops the top ({@code b}) and the second ({@code a}), pushes {@code a op b}. */
    private void binary(Op op) {
        long b = pop();
        long a = pop();
        push(switch (op) {
            case AND -> a & b;
            case DIV -> {
                if (b == 0) {
                    throw malformed("divides by zero");
                }
                yield a / b;
            }
            case MINUS -> a - b;
            case MOD -> {
                if (b == 0) {
                    throw malformed("divides by zero");
                }
                yield Long.remainderUnsigned(a, b);
            }
            case MUL -> a * b;
            case OR -> a | b;
            case PLUS -> a + b;
            case SHL -> Long.compareUnsigned(b, 64) >= 0 ? 0 : a << b;
            case SHR -> Long.compareUnsigned(b, 64) >= 0 ? 0 : a >>> b;
            case SHRA -> Long.compareUnsigned(b, 64) >= 0 ? (a < 0 ? -1 : 0) : a >> b;
            case XOR -> a ^ b;
            case EQ -> a == b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
        });
    }

    private void jump(int offset) {
        long destination = (long) code.position() + offset;
        if (destination < 0 || destination > code.limit()) {
            throw malformed("branches outside the expression");
        }
        code.seek((int) destination, code.limit());
    }

    private void push(long value) {
        if (depth == MAX_DEPTH) {
            throw malformed("needs more than " + MAX_DEPTH + " stack entries");
        }
        stack[depth++] = value;
    }

    private long pop() {
        if (depth == 0) {
            throw malformed("pops an empty stack");
        }
        return stack[--depth];
    }

    private long peek(int index) {
        if (index >= depth) {
            throw malformed("reads stack entry " + index + " of " + depth);
        }
        return stack[depth - 1 - index];
    }

    private SpyException malformed(String message) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "DWARF expression " + message);
    }
}
