// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/** Receives every sample, on the sampler's thread, in order: a recording, a live table. */
@FunctionalInterface
public interface SampleConsumer {
    void accept(Sample sample);
}
