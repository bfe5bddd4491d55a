// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which regions count as mapped files: absolute paths as Unix-like systems and Windows write them. */
class MemoryRegionTest {
    private static MemoryRegion named(String path) {
        return new MemoryRegion(0x1000, 0x2000, "r-xp", 0, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/libpython3.12.so.1.0",
            "/Library/Frameworks/Python.framework/Versions/3.12/Python", "C:\\Python312\\python312.dll",
            "c:/python312/python312.dll", "\\\\server\\share\\python312.dll", "\\\\?\\C:\\Python312\\python312.dll"})
    void absolutePathsAreFiles(String path) {
        assertThat(named(path).isFileBacked()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[heap]", "[stack]", "[vdso]", "anon_inode:[perf_event]", "C:", "C:python.dll",
            "1:\\x", "python312.dll", "\\single\\backslash"})
    void pseudoPathsAndRelativeNamesAreNot(String path) {
        assertThat(named(path).isFileBacked()).isFalse();
    }

    @Test
    void aDriveLetterIsAnAsciiLetter() {
        assertThat(named("é:\\x").isFileBacked()).isFalse();
    }
}
