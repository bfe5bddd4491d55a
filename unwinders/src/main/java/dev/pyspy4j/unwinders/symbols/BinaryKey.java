// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.BuildId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which build of a binary a table belongs to: its path and build id; for a binary without a build id, its path,
 * size and modification time, so a library replaced on disk (a package upgrade) is parsed anew.
 *
 * @param path          the binary's path as its process sees it
 * @param buildId       its build id, or {@code null}
 * @param size          its size in bytes when it has no build id, else 0
 * @param modifiedMillis its modification time when it has no build id, else 0
 */
record BinaryKey(String path, BuildId buildId, long size, long modifiedMillis) {
    /** The key of the file read at {@code file}; empty when it has no build id and cannot be stat'ed. */
    static Optional<BinaryKey> of(String path, Optional<BuildId> buildId, Path file) {
        if (buildId.isPresent()) {
            return Optional.of(new BinaryKey(path, buildId.get(), 0, 0));
        }
        try {
            return Optional.of(new BinaryKey(path, null, Files.size(file),
                    Files.getLastModifiedTime(file).toMillis()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
