// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * Turns the raw bytes of a code object's line-number table into a {@link LineTable}; implementations are
 * stateless and thread-safe.
 */
public interface LineTableDecoder {
    /**
     * Decodes {@code table} (the bytes of {@code co_lnotab} or {@code co_linetable}) for a code object whose
     * {@code co_firstlineno} is {@code firstLine}. Never throws on malformed bytes (they come from a running,
     * possibly moving, target): it returns the table of whatever prefix it could decode.
     */
    LineTable decode(byte[] table, int firstLine);
}
