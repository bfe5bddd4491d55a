// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.cfi.CfaRule;
import dev.pyspy4j.unwinders.cfi.DwarfExpression;
import dev.pyspy4j.unwinders.cfi.ExpressionContext;
import dev.pyspy4j.unwinders.cfi.RegisterRule;
import dev.pyspy4j.unwinders.cfi.UnwindRow;
import dev.pyspy4j.unwinders.stack.AddressSpace;
import dev.pyspy4j.unwinders.stack.StackBuilder;
import dev.pyspy4j.unwinders.stack.StackMemory;
import dev.pyspy4j.unwinders.stack.StopReasons;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwinds x86_64 stacks with DWARF call-frame information: for each frame the CFI row at its address (the return
 * address minus one for callers, since a call may be a function's last instruction) gives the CFA and where the
 * caller's registers are saved. A signal return trampoline hands over the registers the kernel saved; code without
 * CFI is unwound through its frame pointer. Malformed CFI ends the stack, it never invents a frame.
 */
final class DwarfUnwinder implements NativeUnwinder {
    private static final int RIP = Registers.X86_64_RIP;
    private static final int RSP = Registers.X86_64_RSP;
    private static final int RBP = Registers.X86_64_RBP;
    private static final int COUNT = Registers.X86_64_COUNT;
    private static final int ALL_KNOWN = (1 << COUNT) - 1;
    /** Bounds the memory of the trampoline answers: a long profile sees very many distinct leaf addresses. */
    private static final int MAX_REMEMBERED_ADDRESSES = 1 << 16;

    private final TargetProcess process;
    private final AddressSpace space;
    private final BinaryTables binaries;
    private final StackMemory stack;
    /** Whether the code at an address is the signal trampoline, by address; code does not change under us. */
    private final Map<Long, Boolean> trampolines = new HashMap<>();

    DwarfUnwinder(TargetProcess process) {
        this.process = process;
        this.space = new AddressSpace(process);
        this.binaries = new BinaryTables(process, space);
        this.stack = new StackMemory(process.memory());
    }

    @Override
    public NativeStack unwind(long osThreadId, Registers registers, int maxFrames) {
        space.newUnwind();
        Frame frame = new Frame(registers.toArray(), ALL_KNOWN, true);
        stack.start(frame.sp(), space.regionOf(frame.sp()));
        StackBuilder frames = new StackBuilder(maxFrames);
        frames.add(frame.ip(), frame.sp());
        while (true) {
            Step step;
            try {
                step = step(frame);
            } catch (SpyException e) {
                return frames.endedEarly(e.kind() == FailureKind.MALFORMED_INPUT
                        ? "malformed call-frame information for 0x" + Long.toHexString(frame.ip()) + ": "
                                + e.getMessage()
                        : StopReasons.unreadable("the stack of frame 0x" + Long.toHexString(frame.ip()), e));
            }
            if (step.outermost) {
                return frames.complete();
            }
            if (step.stopReason != null) {
                return frames.endedEarly(step.stopReason);
            }
            if (!frames.add(step.caller.ip(), step.caller.sp())) {
                return frames.tooDeep();
            }
            frame = step.caller;
        }
    }

    /** One frame's registers; {@code known} has a bit per register whose value is known. */
    private record Frame(long[] registers, int known, boolean exactIp) {
        long ip() {
            return registers[RIP];
        }

        long sp() {
            return registers[RSP];
        }

        boolean isKnown(int register) {
            return register >= 0 && register < COUNT && (known & (1 << register)) != 0;
        }
    }

    /** The result of unwinding one frame: its caller, or that it was the outermost, or why it cannot go on. */
    private record Step(Frame caller, boolean outermost, String stopReason) {
        static Step to(Frame caller) {
            return new Step(caller, false, null);
        }

        static Step stop(String reason) {
            return new Step(null, false, reason);
        }
    }

    private static final Step OUTERMOST = new Step(null, true, null);

    private Step step(Frame frame) {
        long ip = frame.ip();
        long lookup = frame.exactIp() ? ip : ip - 1;
        Optional<MemoryRegion> code = space.regionOf(lookup);
        if (code.isEmpty() || !code.get().isExecutable()) {
            return Step.stop(StopReasons.notExecutable(ip));
        }
        Optional<LoadedBinary> binary = binaries.of(code.get());
        if (isTrampoline(ip, binary)) {
            Registers interrupted = SignalTrampoline.interruptedRegisters(stack, frame.sp());
            return checked(frame, new Frame(interrupted.toArray(), ALL_KNOWN, true), false);
        }
        Optional<UnwindRow> row = binary.flatMap(loaded -> loaded.table().rowAt(lookup - loaded.bias()));
        if (row.isEmpty()) {
            return framePointerStep(frame, binary.map(LoadedBinary::path).orElse(code.get().path()));
        }
        return cfiStep(frame, row.get());
    }

    private Step cfiStep(Frame frame, UnwindRow row) {
        if (row.returnAddressRegister() != RIP) {
            return Step.stop("call-frame information for 0x" + Long.toHexString(frame.ip())
                    + " keeps the return address in register " + row.returnAddressRegister());
        }
        RegisterRule returnAddress = row.rule(RIP);
        if (returnAddress.kind() == RegisterRule.Kind.UNDEFINED) {
            return OUTERMOST;
        }
        Context context = new Context(frame);
        long cfa = cfa(row.cfa(), context);
        long[] caller = frame.registers().clone();
        int known = frame.known();
        for (int register = 0; register < COUNT; register++) {
            RegisterRule rule = row.rule(register);
            switch (rule.kind()) {
                case UNSPECIFIED, SAME_VALUE -> {
                    if (register == RSP) {
                        caller[RSP] = cfa;
                        known |= 1 << RSP;
                    }
                }
                case UNDEFINED -> known &= ~(1 << register);
                case OFFSET -> caller[register] = stack.readLong(cfa + rule.operand());
                case VAL_OFFSET -> caller[register] = cfa + rule.operand();
                case REGISTER -> {
                    int source = (int) rule.operand();
                    if (frame.isKnown(source)) {
                        caller[register] = frame.registers()[source];
                    } else {
                        known &= ~(1 << register);
                    }
                }
                case EXPRESSION -> caller[register] = stack.readLong(
                        DwarfExpression.evaluate(rule.expression(), context, cfa));
                case VAL_EXPRESSION -> caller[register] = DwarfExpression.evaluate(rule.expression(), context, cfa);
            }
            if (rule.kind() != RegisterRule.Kind.UNDEFINED && rule.kind() != RegisterRule.Kind.UNSPECIFIED
                    && rule.kind() != RegisterRule.Kind.SAME_VALUE && rule.kind() != RegisterRule.Kind.REGISTER) {
                known |= 1 << register;
            }
        }
        return checked(frame, new Frame(caller, known, row.signalFrame()), true);
    }

    /** For code without CFI: the frame pointer chain, {@code [rbp]} the caller's rbp, {@code [rbp+8]} the return. */
    private Step framePointerStep(Frame frame, String where) {
        long rbp = frame.registers()[RBP];
        if (!frame.isKnown(RBP) || rbp == 0 || (rbp & 7) != 0 || Long.compareUnsigned(rbp, frame.sp()) < 0) {
            return Step.stop("no call-frame information for 0x" + Long.toHexString(frame.ip()) + " in " + where
                    + ", and rbp 0x" + Long.toHexString(rbp) + " is no frame pointer");
        }
        long[] caller = frame.registers().clone();
        caller[RBP] = stack.readLong(rbp);
        caller[RIP] = stack.readLong(rbp + 8);
        caller[RSP] = rbp + 16;
        return checked(frame, new Frame(caller, frame.known() | (1 << RBP) | (1 << RIP) | (1 << RSP), false), true);
    }

    /** The stop rules every step obeys: a known, non-zero, executable return address, and a growing stack. */
    private Step checked(Frame frame, Frame caller, boolean stackMustGrow) {
        if (!caller.isKnown(RIP)) {
            return OUTERMOST;
        }
        long ip = caller.ip();
        if (ip == 0) {
            return Step.stop(StopReasons.zeroReturnAddress(frame.ip()));
        }
        if (stackMustGrow && Long.compareUnsigned(caller.sp(), frame.sp()) <= 0) {
            return Step.stop(StopReasons.stackDidNotGrow(frame.sp(), caller.sp()));
        }
        if (!space.isExecutable(caller.exactIp() ? ip : ip - 1)) {
            return Step.stop(StopReasons.notExecutable(ip));
        }
        return Step.to(caller);
    }

    private long cfa(CfaRule rule, Context context) {
        if (rule.isExpression()) {
            return DwarfExpression.evaluate(rule.expression(), context);
        }
        return context.register(rule.register()) + rule.offset();
    }

    private boolean isTrampoline(long ip, Optional<LoadedBinary> binary) {
        Boolean known = trampolines.get(ip);
        if (known == null) {
            Optional<byte[]> code = binary.flatMap(loaded -> loaded.codeAt(ip, SignalTrampoline.CODE.length));
            known = code.map(SignalTrampoline::isTrampoline).orElseGet(() -> trampolineInMemory(ip));
            if (trampolines.size() >= MAX_REMEMBERED_ADDRESSES) {
                trampolines.clear();
            }
            trampolines.put(ip, known);
        }
        return known;
    }

    private boolean trampolineInMemory(long ip) {
        try {
            return SignalTrampoline.isTrampoline(process.memory().readBytes(ip, SignalTrampoline.CODE.length));
        } catch (SpyException e) {
            return false;
        }
    }

    /** Registers of the frame being unwound and stack memory, for DWARF expressions. */
    private final class Context implements ExpressionContext {
        private final Frame frame;

        Context(Frame frame) {
            this.frame = frame;
        }

        @Override
        public long register(int number) {
            if (!frame.isKnown(number)) {
                throw new SpyException(FailureKind.MALFORMED_INPUT, "the rule needs register " + number
                        + ", whose value in this frame is unknown");
            }
            return frame.registers()[number];
        }

        @Override
        public long memory(long address, int size) {
            return stack.read(address, size);
        }
    }

    @Override
    public void refresh() {
        space.refresh();
        binaries.refresh();
        trampolines.clear();
    }

    @Override
    public void close() {
        refresh();
    }
}
