// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code record --pyroscope} was asked for, checked.
 *
 * @param endpoint        where profiles go
 * @param app             the application's name ({@code --app})
 * @param tags            the user's {@code --tag}s, in order
 * @param headers         authentication and tenant headers, from the environment
 * @param sampleLabels    the pprof sample labels kept
 * @param intervalSeconds how long each pushed window lasts
 */
public record PyroscopePush(PushEndpoint endpoint, String app, List<LabelPair> tags, Map<String, String> headers,
                            Set<SampleLabels> sampleLabels, long intervalSeconds) {
    /** How often a profile is pushed unless asked otherwise, as Pyroscope's own agents do. */
    public static final long DEFAULT_INTERVAL_SECONDS = 10;

    public PyroscopePush {
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(app, "app is null");
        tags = List.copyOf(tags);
        headers = Map.copyOf(headers);
        sampleLabels = Set.copyOf(sampleLabels);
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be at least a second, was " + intervalSeconds);
        }
    }

    /** The labels of the series, for a profile of the kind {@code profileName}. */
    public List<LabelPair> seriesLabels(String profileName) {
        return SeriesLabels.series(profileName, app, tags);
    }
}
