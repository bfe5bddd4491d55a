// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.engine.sampling.SamplingResult;

/**
 * How a recording ended.
 *
 * @param sampling why sampling stopped and its tick counts
 * @param samples  stacks recorded
 * @param errors   failed reads
 * @param path     the file written, as shown to the user
 */
public record RecordOutcome(SamplingResult sampling, long samples, long errors, String path) {
}
