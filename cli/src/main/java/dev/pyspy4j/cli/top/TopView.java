// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.sampling.Lag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one refresh of {@code top} shows, immutable. Shares ({@code gilPercent}, {@code activePercent},
 * {@code runningThreads} and the rows' percentages) cover the last refresh interval; counts and times cover
 * everything since the start or the last reset.
 *
 * @param samples        samples taken
 * @param failedSamples  samples in which some process could not be read
 * @param lastError      why the latest failed sample failed
 * @param windowSamples  samples in the last refresh interval
 * @param gilPercent     share of that interval during which some thread held the GIL
 * @param activePercent  share of it during which at least one thread ran
 * @param runningThreads how many threads ran on average during it
 * @param threads        Python threads in the latest sample
 * @param processes      processes in the latest sample
 * @param lag            sampling fell behind during the interval
 * @param byLine         whether rows are lines rather than functions
 * @param rows           in the order asked for
 */
public record TopView(long samples, long failedSamples, Optional<String> lastError, long windowSamples,
                      double gilPercent, double activePercent, double runningThreads, int threads, int processes,
                      Optional<Lag> lag, boolean byLine, List<TopRow> rows) {
    public TopView {
        Objects.requireNonNull(lastError, "lastError is null");
        Objects.requireNonNull(lag, "lag is null");
        rows = List.copyOf(rows);
    }

    /** Percentage of samples that failed. */
    public double errorPercent() {
        return samples == 0 ? 0 : 100.0 * failedSamples / samples;
    }
}
