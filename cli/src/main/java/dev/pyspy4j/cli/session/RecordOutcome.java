// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.pyroscope.PushCounts;
import dev.pyspy4j.engine.sampling.FailureTally;
import dev.pyspy4j.engine.sampling.SamplingResult;
import dev.pyspy4j.spi.SpyException;
import java.util.Optional;

/**
 * How a recording ended.
 *
 * @param sampling why sampling stopped and its tick counts
 * @param samples  stacks recorded
 * @param failures failed reads, by reason
 * @param path     the file written, as shown to the user; empty when none was
 * @param pushes   what became of the profiles pushed to Pyroscope; empty when none were
 */
public record RecordOutcome(SamplingResult sampling, long samples, FailureTally failures, Optional<String> path,
                            Optional<PushCounts> pushes) {
    public RecordOutcome withPushes(PushCounts counts) {
        return new RecordOutcome(sampling, samples, failures, path, Optional.of(counts));
    }

    public long errors() {
        return failures.total();
    }

    /** What made every read fail (the latest failure of the most common reason), when none succeeded. */
    public Optional<SpyException> everySampleFailedBecause() {
        return sampling.stats().everyRoundFailed() ? failures.mostCommon() : Optional.empty();
    }
}
