// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.framepointer;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.stack.AddressSpace;
import dev.pyspy4j.unwinders.stack.StackBuilder;
import dev.pyspy4j.unwinders.stack.StackMemory;
import dev.pyspy4j.unwinders.stack.StopReasons;

/**
 * Follows the x86_64 frame-pointer chain: a function built with frame pointers pushes its caller's rbp and points
 * rbp at it, so {@code [rbp]} is the caller's rbp and {@code [rbp+8]} the return address. The chain ends where rbp
 * is 0, which the program's entry and the thread start code set (the ABI's mark of the outermost frame). Fast, but
 * it skips the caller of a leaf stopped before its prologue and is lost in code built without frame pointers.
 */
final class FramePointerUnwinder implements NativeUnwinder {
    private final AddressSpace space;
    private final StackMemory stack;

    FramePointerUnwinder(TargetProcess process) {
        this.space = new AddressSpace(process);
        this.stack = new StackMemory(process.memory());
    }

    @Override
    public NativeStack unwind(long osThreadId, Registers registers, int maxFrames) {
        space.newUnwind();
        long sp = registers.stackPointer();
        long rbp = registers.framePointer();
        stack.start(sp, space.regionOf(sp));
        StackBuilder frames = new StackBuilder(maxFrames);
        frames.add(registers.instructionPointer(), sp);
        while (rbp != 0) {
            if ((rbp & 7) != 0 || Long.compareUnsigned(rbp, sp) < 0) {
                return frames.endedEarly("rbp 0x" + Long.toHexString(rbp) + " is no frame pointer (stack pointer 0x"
                        + Long.toHexString(sp) + ")");
            }
            long returnAddress;
            long callerRbp;
            try {
                callerRbp = stack.readLong(rbp);
                returnAddress = stack.readLong(rbp + 8);
            } catch (SpyException e) {
                return frames.endedEarly(StopReasons.unreadable("the frame at 0x" + Long.toHexString(rbp), e));
            }
            if (returnAddress == 0) {
                return frames.endedEarly(StopReasons.zeroReturnAddress(rbp));
            }
            if (!space.isExecutable(returnAddress - 1)) {
                return frames.endedEarly(StopReasons.notExecutable(returnAddress));
            }
            long callerSp = rbp + 16;
            if (Long.compareUnsigned(callerSp, sp) <= 0) {
                return frames.endedEarly(StopReasons.stackDidNotGrow(sp, callerSp));
            }
            if (!frames.add(returnAddress, callerSp)) {
                return frames.tooDeep();
            }
            sp = callerSp;
            rbp = callerRbp;
        }
        return frames.complete();
    }

    @Override
    public void refresh() {
        space.refresh();
    }

    @Override
    public void close() {
        space.refresh();
    }
}
