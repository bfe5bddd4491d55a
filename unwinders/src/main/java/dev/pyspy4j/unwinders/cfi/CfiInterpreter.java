// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs the call-frame instructions of a CIE and one of its FDEs up to an address (DWARF 5 §6.4.2) and returns the
 * row in force there. Every instruction x86_64 compilers and glibc's hand-written CFI emit is understood; anything
 * else is malformed input. Terminates on any input: each instruction consumes at least one byte, and the state
 * stack is bounded.
 */
final class CfiInterpreter {
    private static final int MAX_REMEMBERED_STATES = 64;

    private final CfiSection section;
    private final FrameDescriptionEntry fde;
    private final CommonInformationEntry cie;
    private final long target;

    private CfaRule cfa = CfaRule.registerOffset(-1, 0);
    private RegisterRule[] rules = newRules();
    private RegisterRule[] initialRules;
    private final Deque<State> remembered = new ArrayDeque<>();
    private long location;
    private long rowEnd;

    private CfiInterpreter(CfiSection section, FrameDescriptionEntry fde, long target) {
        this.section = section;
        this.fde = fde;
        this.cie = fde.cie();
        this.target = target;
    }

    /** The row of {@code fde} in force at {@code pc}, which the FDE must cover. */
    static UnwindRow rowAt(CfiSection section, FrameDescriptionEntry fde, long pc) {
        return new CfiInterpreter(section, fde, pc).run();
    }

    private UnwindRow run() {
        location = fde.pcBegin();
        rowEnd = fde.pcEnd();
        CfiCursor cieInstructions = section.cursor().at(cie.instructionsStart(), cie.instructionsEnd());
        execute(cieInstructions, true);
        initialRules = rules.clone();
        CfiCursor fdeInstructions = section.cursor().at(fde.instructionsStart(), fde.instructionsEnd());
        execute(fdeInstructions, false);
        if (cfa.register() < 0 && !cfa.isExpression()) {
            throw fdeInstructions.malformed("FDE at 0x" + Integer.toHexString(fde.offset()) + " defines no CFA");
        }
        return new UnwindRow(location, rowEnd, cfa, rules, cie.returnAddressRegister(), cie.signalFrame());
    }

    /** Executes until the instructions end or the location passes the target. */
    private void execute(CfiCursor in, boolean initial) {
        while (in.hasMore()) {
            int opcode = in.u8();
            int high = opcode & 0xc0;
            int low = opcode & 0x3f;
            if (high == 0x40) {
                if (advance(in, low * cie.codeAlignment(), initial)) {
                    return;
                }
                continue;
            }
            if (high == 0x80) {
                set(low, RegisterRule.offset(in.uleb() * cie.dataAlignment()));
                continue;
            }
            if (high == 0xc0) {
                restore(in, low, initial);
                continue;
            }
            if (executeExtended(in, low, initial)) {
                return;
            }
        }
    }

    /** Executes an instruction whose two high bits are 0; true when the location passed the target. */
    private boolean executeExtended(CfiCursor in, int opcode, boolean initial) {
        switch (opcode) {
            case 0x00 -> { } // DW_CFA_nop
            case 0x01 -> { // DW_CFA_set_loc
                PointerBases bases = section.bases().withFunction(fde.pcBegin());
                long newLocation = PointerEncoding.read(in, cie.fdeEncoding(), bases);
                return moveTo(in, newLocation, initial);
            }
            case 0x02 -> { return advance(in, in.u8() * cie.codeAlignment(), initial); }
            case 0x03 -> { return advance(in, in.u16() * cie.codeAlignment(), initial); }
            case 0x04 -> { return advance(in, in.u32() * cie.codeAlignment(), initial); }
            case 0x05 -> set(register(in), RegisterRule.offset(in.uleb() * cie.dataAlignment()));
            case 0x06 -> restore(in, register(in), initial);
            case 0x07 -> set(register(in), RegisterRule.UNDEFINED);
            case 0x08 -> set(register(in), RegisterRule.SAME_VALUE);
            case 0x09 -> {
                int register = register(in);
                set(register, RegisterRule.register(register(in)));
            }
            case 0x0a -> { // DW_CFA_remember_state
                if (remembered.size() >= MAX_REMEMBERED_STATES) {
                    throw in.malformed("more than " + MAX_REMEMBERED_STATES + " remembered states");
                }
                remembered.push(new State(cfa, rules.clone()));
            }
            case 0x0b -> { // DW_CFA_restore_state: the CFA rule comes back too
                State state = remembered.poll();
                if (state == null) {
                    throw in.malformed("DW_CFA_restore_state without a remembered state");
                }
                cfa = state.cfa;
                rules = state.rules;
            }
            case 0x0c -> cfa = CfaRule.registerOffset(register(in), in.uleb());
            case 0x0d -> cfa = CfaRule.registerOffset(register(in), requireRegisterCfa(in).offset());
            case 0x0e -> cfa = CfaRule.registerOffset(requireRegisterCfa(in).register(), in.uleb());
            case 0x0f -> cfa = CfaRule.expression(in.block(in.uleb()));
            case 0x10 -> {
                int register = register(in);
                set(register, RegisterRule.expression(in.block(in.uleb())));
            }
            case 0x11 -> set(register(in), RegisterRule.offset(in.sleb() * cie.dataAlignment()));
            case 0x12 -> cfa = CfaRule.registerOffset(register(in), in.sleb() * cie.dataAlignment());
            case 0x13 -> cfa = CfaRule.registerOffset(requireRegisterCfa(in).register(),
                    in.sleb() * cie.dataAlignment());
            case 0x14 -> set(register(in), RegisterRule.valOffset(in.uleb() * cie.dataAlignment()));
            case 0x15 -> set(register(in), RegisterRule.valOffset(in.sleb() * cie.dataAlignment()));
            case 0x16 -> {
                int register = register(in);
                set(register, RegisterRule.valExpression(in.block(in.uleb())));
            }
            case 0x2e -> in.uleb(); // DW_CFA_GNU_args_size: only matters for exception handling
            case 0x2f -> set(register(in), RegisterRule.offset(-in.uleb() * cie.dataAlignment()));
            default -> throw in.malformed("unknown call-frame instruction 0x" + Integer.toHexString(opcode)
                    + " at offset 0x" + Integer.toHexString(in.position() - 1));
        }
        return false;
    }

    private boolean advance(CfiCursor in, long delta, boolean initial) {
        return moveTo(in, location + delta, initial);
    }

    /** Moves the location; true when the row in force at the target is complete. */
    private boolean moveTo(CfiCursor in, long newLocation, boolean initial) {
        if (initial) {
            throw in.malformed("CIE at 0x" + Integer.toHexString(cie.offset()) + " moves the location");
        }
        if (Long.compareUnsigned(newLocation, location) < 0) {
            throw in.malformed("FDE at 0x" + Integer.toHexString(fde.offset()) + " moves the location backwards");
        }
        if (Long.compareUnsigned(newLocation, target) > 0) {
            rowEnd = Long.compareUnsigned(newLocation, fde.pcEnd()) < 0 ? newLocation : fde.pcEnd();
            return true;
        }
        location = newLocation;
        return false;
    }

    private void restore(CfiCursor in, int register, boolean initial) {
        if (initial) {
            throw in.malformed("CIE at 0x" + Integer.toHexString(cie.offset()) + " restores a register");
        }
        set(register, register < initialRules.length ? initialRules[register] : RegisterRule.UNSPECIFIED);
    }

    private CfaRule requireRegisterCfa(CfiCursor in) {
        if (cfa.isExpression()) {
            throw in.malformed("FDE at 0x" + Integer.toHexString(fde.offset())
                    + " changes the register or offset of a CFA defined by an expression");
        }
        return cfa;
    }

    private static int register(CfiCursor in) {
        return in.ulebInt("register number");
    }

    private void set(int register, RegisterRule rule) {
        if (register < rules.length) {
            rules[register] = rule;
        }
    }

    private static RegisterRule[] newRules() {
        RegisterRule[] fresh = new RegisterRule[UnwindRow.COLUMNS];
        java.util.Arrays.fill(fresh, RegisterRule.UNSPECIFIED);
        return fresh;
    }

    private record State(CfaRule cfa, RegisterRule[] rules) {
    }
}
