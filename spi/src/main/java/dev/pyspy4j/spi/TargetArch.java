// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * Machine description of a target: its name, pointer size and byte order
 * (the HotSpot Serviceability Agent's MachineDescription, reduced to what struct decoding needs).
 */
public record TargetArch(String name, int pointerSize, ByteOrder byteOrder) {
    public static final TargetArch X86_64 = new TargetArch("x86_64", 8, ByteOrder.LITTLE_ENDIAN);
    public static final TargetArch AARCH64 = new TargetArch("aarch64", 8, ByteOrder.LITTLE_ENDIAN);

    public TargetArch {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(byteOrder, "byteOrder is null");
        if (pointerSize != 4 && pointerSize != 8) {
            throw new IllegalArgumentException("pointer size must be 4 or 8, was " + pointerSize);
        }
    }

    /** Classifies a value of the {@code os.arch} system property. */
    // equals and hashCode written out: a record's generated ones link a call site on their first use, which costs
    // a command's start-up several milliseconds, and the architecture is compared while every target is opened.
    @Override
    public boolean equals(Object other) {
        return other instanceof TargetArch that && pointerSize == that.pointerSize && name.equals(that.name)
                && byteOrder.equals(that.byteOrder);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + pointerSize) * 31 + byteOrder.hashCode();
    }

    public static TargetArch fromOsArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            case "x86", "i386", "i686" -> new TargetArch("i686", 4, ByteOrder.LITTLE_ENDIAN);
            case "arm" -> new TargetArch("armv7", 4, ByteOrder.LITTLE_ENDIAN);
            default -> new TargetArch(arch, 8, ByteOrder.nativeOrder());
        };
    }
}
