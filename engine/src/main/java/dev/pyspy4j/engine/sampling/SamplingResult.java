// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Objects;

/** Why a sampling run ended and how it went. */
public record SamplingResult(StopReason reason, SamplingStats stats) {
    public SamplingResult {
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(stats, "stats is null");
    }
}
