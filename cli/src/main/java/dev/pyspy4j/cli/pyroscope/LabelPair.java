// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.util.Objects;

/** One label of a Pyroscope series ({@code types.v1.LabelPair}). */
public record LabelPair(String name, String value) {
    public LabelPair {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(value, "value is null");
    }
}
