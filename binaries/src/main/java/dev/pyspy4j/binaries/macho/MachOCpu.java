// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import java.util.Optional;

/** The CPU types of the 64-bit Mach-O images this reader accepts ({@code <mach/machine.h>}). */
public enum MachOCpu {
    /** {@code CPU_TYPE_X86_64}: {@code CPU_TYPE_X86 | CPU_ARCH_ABI64}. */
    X86_64(0x0100_0007, "x86_64"),
    /** {@code CPU_TYPE_ARM64}: {@code CPU_TYPE_ARM | CPU_ARCH_ABI64}. */
    ARM64(0x0100_000c, "arm64");

    private final int cpuType;
    private final String archName;

    MachOCpu(int cpuType, String archName) {
        this.cpuType = cpuType;
        this.archName = archName;
    }

    /** The {@code cputype} value of a Mach-O header or a universal binary's {@code fat_arch}. */
    public int cpuType() {
        return cpuType;
    }

    /** The name Apple's and LLVM's tools give the architecture ({@code lipo -archs}). */
    public String archName() {
        return archName;
    }

    public static Optional<MachOCpu> of(int cpuType) {
        for (MachOCpu cpu : values()) {
            if (cpu.cpuType == cpuType) {
                return Optional.of(cpu);
            }
        }
        return Optional.empty();
    }

    /** The architecture's name, or the raw {@code cputype} in hex for CPU types this reader does not know. */
    static String describe(int cpuType) {
        return of(cpuType).map(MachOCpu::archName).orElse(String.format("cputype 0x%x", cpuType));
    }
}
