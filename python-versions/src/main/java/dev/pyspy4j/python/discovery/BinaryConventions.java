// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each system names CPython's binaries and the sections discovery reads, chosen by the target's operating
 * system rather than guessed from names: which mapped file is the interpreter library and the {@code major.minor}
 * its path gives, where the runtime global may be, and where {@code Py_GetVersion()} leaves its string. Section
 * names are the ones the providers' {@code BinaryImage}s answer to: ELF's, which the macOS provider maps to Mach-O's
 * ({@code .PyRuntime} is {@code __DATA,PyRuntime}), and PE's as stored, eight bytes at most.
 */
enum BinaryConventions {
    /**
     * Linux, FreeBSD and other ELF systems: {@code libpython3.11.so.1.0}, {@code libpython3.6m.so},
     * {@code libpython3.13t.so}; not {@code libboost_python}.
     */
    ELF(List.of(Pattern.compile("(?:^|/)libpython(\\d)\\.(\\d+)[dmut]*\\.so(?:\\.[\\d.]+)?$")),
            List.of(".PyRuntime", ".data", ".bss"), List.of(".bss")),
    /**
     * macOS: {@code libpython3.12.dylib} (or {@code .so}), or a framework's {@code Python}
     * ({@code /Library/Frameworks/Python.framework/Versions/3.12/Python}), though not the {@code Python} launcher
     * inside {@code Python.app}, which only starts the framework's (py-spy's rule).
     */
    MACH_O(List.of(Pattern.compile("(?:^|/)libpython(\\d)\\.(\\d+)[dmut]*\\.(?:dylib|so)$"),
            Pattern.compile("/Versions/(\\d)\\.(\\d+)[^/]*/Python$")),
            List.of(".PyRuntime", ".data", ".bss"), List.of(".bss")) {
        @Override
        boolean isInterpreterLibrary(String path) {
            boolean framework = path.endsWith("/Python") && !path.contains("Python.app");
            return framework || matchingName(path).isPresent();
        }
    },
    /**
     * Windows: {@code python312.dll}, {@code python27.dll}, a debug build's {@code python312_d.dll}, in any case;
     * not {@code python3.dll}, the stable-ABI library that only forwards to the real one. The runtime section is
     * {@code PyRuntim} (an image keeps eight bytes of a section name); MSVC has no {@code .bss}, so zeroed statics
     * such as the version buffer sit at the end of {@code .data}.
     */
    PE(List.of(Pattern.compile("(?:^|[\\\\/])python(\\d)(\\d\\d?)[mdu]?(?:_d)?\\.dll$", Pattern.CASE_INSENSITIVE)),
            List.of("PyRuntim", ".data", ".bss"), List.of(".bss", ".data"));

    private final List<Pattern> versionedNames;
    private final List<String> runtimeSections;
    private final List<String> versionStringSections;

    BinaryConventions(List<Pattern> versionedNames, List<String> runtimeSections, List<String> versionStringSections) {
        this.versionedNames = versionedNames;
        this.runtimeSections = runtimeSections;
        this.versionStringSections = versionStringSections;
    }

    /** The conventions of the system {@code platform} names. */
    static BinaryConventions of(Platform platform) {
        return platform.os() == OsFamily.MACOS ? MACH_O : platform.os() == OsFamily.WINDOWS ? PE : ELF;
    }

    /** Whether the file mapped from {@code path} is a shared CPython interpreter (not the program itself). */
    boolean isInterpreterLibrary(String path) {
        return matchingName(path).isPresent();
    }

    /** The {@code major.minor} that the path of an interpreter library names, e.g. {@code 3.12}, when it names one. */
    Optional<String> minorVersionOf(String libraryPath) {
        return matchingName(libraryPath).map(m -> m.group(1) + "." + m.group(2));
    }

    /** The sections where the runtime global ({@code _PyRuntime}, {@code interp_head}) may be, in scan order. */
    List<String> runtimeSections() {
        return runtimeSections;
    }

    /** The sections that may hold the string {@code Py_GetVersion()} formats at start-up, in scan order. */
    List<String> versionStringSections() {
        return versionStringSections;
    }

    /** The first versioned name {@code path} ends with; a framework's {@code Python} need not be one. */
    Optional<Matcher> matchingName(String path) {
        for (Pattern name : versionedNames) {
            Matcher m = name.matcher(path);
            if (m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
