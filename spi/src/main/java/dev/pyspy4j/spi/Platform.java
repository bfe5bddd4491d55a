// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Objects;

/** An operating system and a machine architecture; providers declare which ones they support. */
public record Platform(OsFamily os, TargetArch arch) {
    public Platform {
        Objects.requireNonNull(os, "os is null");
        Objects.requireNonNull(arch, "arch is null");
    }

    /** The platform this JVM runs on (pyspy4j profiles processes on its own machine). */
    public static Platform current() {
        return new Platform(OsFamily.fromOsName(System.getProperty("os.name", "")),
                TargetArch.fromOsArch(System.getProperty("os.arch", "")));
    }

    @Override
    public String toString() {
        return os.name().toLowerCase(java.util.Locale.ROOT) + "-" + arch.name();
    }
}
