// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Locale;

/** The operating-system families pyspy4j knows providers for. */
public enum OsFamily {
    LINUX, MACOS, WINDOWS, FREEBSD, OTHER;

    /** Classifies a value of the {@code os.name} system property. */
    public static OsFamily fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("freebsd")) {
            return FREEBSD;
        }
        return OTHER;
    }
}
