// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

import dev.pyspy4j.spi.TargetArch;
import java.util.Arrays;
import java.util.Objects;

/**
 * The general-purpose registers of one stopped thread, indexed by their DWARF register numbers, the numbering
 * call-frame information uses, so that an unwinder can apply CFI rules to them directly. On x86_64: 0 rax, 1 rdx,
 * 2 rcx, 3 rbx, 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15, 16 the instruction pointer (the return-address column).
 * Immutable: the array is copied in and out.
 */
public final class Registers {
    /** DWARF numbers of x86_64's frame pointer, stack pointer and instruction pointer. */
    public static final int X86_64_RBP = 6;
    public static final int X86_64_RSP = 7;
    public static final int X86_64_RIP = 16;
    /** How many DWARF registers an x86_64 set holds (rax to the return-address column). */
    public static final int X86_64_COUNT = 17;

    private final TargetArch arch;
    private final long[] values;

    public Registers(TargetArch arch, long[] dwarfValues) {
        this.arch = Objects.requireNonNull(arch, "arch is null");
        if (!arch.equals(TargetArch.X86_64)) {
            throw new IllegalArgumentException("registers of " + arch.name() + " are not supported");
        }
        if (dwarfValues.length != X86_64_COUNT) {
            throw new IllegalArgumentException("x86_64 has " + X86_64_COUNT + " DWARF registers, got "
                    + dwarfValues.length);
        }
        this.values = dwarfValues.clone();
    }

    public TargetArch arch() {
        return arch;
    }

    /** The value of DWARF register {@code number}. */
    public long get(int number) {
        return values[number];
    }

    /** How many registers the set holds; valid numbers are below it. */
    public int count() {
        return values.length;
    }

    public long instructionPointer() {
        return values[X86_64_RIP];
    }

    public long stackPointer() {
        return values[X86_64_RSP];
    }

    public long framePointer() {
        return values[X86_64_RBP];
    }

    /** Every value, by DWARF number (a copy). */
    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Registers that && arch.equals(that.arch) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * arch.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Registers[ip=0x" + Long.toHexString(instructionPointer()) + ", sp=0x"
                + Long.toHexString(stackPointer()) + ", fp=0x" + Long.toHexString(framePointer()) + "]";
    }
}
