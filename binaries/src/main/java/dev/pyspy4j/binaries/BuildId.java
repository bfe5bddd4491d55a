// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity a linker stamps on one build of a binary, whatever the object-file format: the descriptor of an
 * ELF {@code NT_GNU_BUILD_ID} note (usually 20 bytes of SHA-1), and in the same role a Mach-O {@code LC_UUID} or
 * a PE CodeView signature. Two files with equal build ids come from the same link, which is how a stripped binary
 * finds its separate debug file and a core file's mapped files are checked against the files on disk.
 */
public final class BuildId {
    private final byte[] bytes;

    private BuildId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The id made of a copy of {@code bytes}, which must not be empty. */
    public static BuildId of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a build id has at least one byte");
        }
        return new BuildId(bytes.clone());
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex, as {@code readelf -n} and {@code file} print it and debuginfod expects it. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuildId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BuildId[" + hex() + "]";
    }
}
