// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.python.PythonVersion;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Finds the version of the interpreter in a target: the {@code Py_Version} constant (3.11+, the exact
 * {@code PY_VERSION_HEX}), else the version string {@code Py_GetVersion()} left in zeroed data, else the
 * {@code major.minor} the interpreter library's path names ({@code libpython3.9.so}, {@code python39.dll},
 * {@code Python.framework/Versions/3.9/Python}).
 */
public final class VersionDetector {
    private VersionDetector() {
    }

    /** The detected version; when only the library name tells, the patch level is reported as 0. */
    public static Optional<PythonVersion> detect(PythonBinaries binaries, RemoteReader reader) {
        Optional<BinaryImage.Symbol> pyVersion = binaries.symbol("Py_Version");
        if (pyVersion.isPresent()) {
            try {
                long hex = reader.int32(lowHalf(pyVersion.get().address(), reader)) & 0xFFFF_FFFFL;
                PythonVersion version = PythonVersion.fromHex(hex);
                if (version.atLeast(3, 11) && version.major() < 10) {
                    return Optional.of(version);
                }
            } catch (SpyException | IllegalArgumentException e) {
                // Not readable or not a version: fall through to the weaker clues below.
            }
        }
        for (Optional<BinaryImage> image : List.of(binaries.program(), binaries.library())) {
            Optional<PythonVersion> scanned = image.flatMap(i -> VersionScanner.scan(i, reader.memory(),
                    binaries.conventions().versionStringSections()));
            if (scanned.isPresent()) {
                return scanned;
            }
        }
        return binaries.libraryMinorVersion().map(minor -> PythonVersion.parse(minor + ".0"));
    }

    /**
     * Where the 32 bits of {@code PY_VERSION_HEX} are in the {@code unsigned long} {@code Py_Version}: a word on LP64
     * and ILP32, but 32 bits on Windows (LLP64), where reading a word could run past the end of a mapping. Reading
     * only the low half suits all three: the first four bytes, or on a big-endian word the last four.
     */
    private static long lowHalf(long address, RemoteReader reader) {
        return reader.byteOrder() == ByteOrder.BIG_ENDIAN ? address + reader.pointerSize() - 4 : address;
    }
}
