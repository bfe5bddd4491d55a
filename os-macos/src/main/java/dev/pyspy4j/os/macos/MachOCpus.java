// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.util.Optional;

/**
 * The CPU an image was loaded for, read from the {@code mach_header_64} that dyld maps at the image's start: a
 * universal file's slice is chosen by the loader (an x86_64 program under Rosetta on an arm64 Mac loads the x86_64
 * slices), so the mapped header, not this machine, says which slice to parse.
 */
final class MachOCpus {
    private static final int MH_MAGIC_64 = 0xfeed_facf;

    private MachOCpus() {
    }

    /**
     * The CPU of the header mapped at {@code headerAddress}; empty when no 64-bit Mach-O header is there or it
     * cannot be read (the caller then assumes this machine's CPU).
     */
    static Optional<MachOCpu> ofMappedHeader(ProcessMemory memory, long headerAddress) {
        byte[] header;
        try {
            header = memory.readBytes(headerAddress, 8);
        } catch (SpyException e) {
            if (e.kind() != FailureKind.MEMORY_READ) {
                throw e;
            }
            return Optional.empty();
        }
        int magic = littleInt(header, 0);
        if (magic != MH_MAGIC_64) {
            return Optional.empty();
        }
        return MachOCpu.of(littleInt(header, 4));
    }

    static TargetArch arch(MachOCpu cpu) {
        return cpu == MachOCpu.ARM64 ? TargetArch.AARCH64 : TargetArch.X86_64;
    }

    static MachOCpu cpu(TargetArch arch) {
        return arch.equals(TargetArch.AARCH64) ? MachOCpu.ARM64 : MachOCpu.X86_64;
    }

    private static int littleInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
