// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.Objects;

/**
 * A function argument or local variable of a frame.
 *
 * @param address  the object's address in the target
 * @param argument whether it is one of the positional arguments
 * @param repr     a Python-like rendering, or {@code null} when it could not be read
 */
public record LocalVariable(String name, long address, boolean argument, String repr) {
    public LocalVariable {
        Objects.requireNonNull(name, "name is null");
    }
}
