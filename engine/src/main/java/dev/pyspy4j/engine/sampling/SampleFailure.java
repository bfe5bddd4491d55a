// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.SpyException;
import java.util.Objects;

/** A process that could not be read at one tick; counted as an error, never fatal. */
public record SampleFailure(long pid, SpyException failure) {
    public SampleFailure {
        Objects.requireNonNull(failure, "failure is null");
    }
}
