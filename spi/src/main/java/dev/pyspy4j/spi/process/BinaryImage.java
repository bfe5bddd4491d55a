// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.util.Optional;

/**
 * The symbol table and section headers of a binary (executable or shared library) as loaded in a target:
 * every address is already relocated by the load bias.
 */
public interface BinaryImage {
    /** The path of the binary as the target maps it. */
    String path();

    /** Difference between run-time addresses and the addresses recorded in the file. */
    long loadBias();

    /** A defined symbol (data or function) by its exact name. */
    Optional<Symbol> symbol(String name);

    /** A section by its exact name (e.g. {@code .bss}, {@code .PyRuntime}). */
    Optional<Section> section(String name);

    /** A symbol with its run-time address and size in bytes (0 when the binary does not say). */
    record Symbol(String name, long address, long size) {
    }

    /** A section with its run-time address and size in bytes. */
    record Section(String name, long address, long size) {
    }
}
