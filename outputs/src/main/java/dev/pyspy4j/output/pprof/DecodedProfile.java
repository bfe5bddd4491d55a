// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code profile.proto} message {@link ProfileDecoder} keeps, as the file holds them: ids and
 * string-table indices not yet checked or resolved (fields may come in any order, so references are resolved
 * only once the whole message is read).
 */
final class DecodedProfile {
    final List<String> strings = new ArrayList<>();
    final List<long[]> sampleTypes = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    final Map<Long, long[][]> locations = new HashMap<>();
    final Map<Long, long[]> functions = new HashMap<>();
    final Map<Long, Long> locationAddresses = new HashMap<>();
    final List<Long> comments = new ArrayList<>();
    long[] periodType;
    long period;
    long defaultSampleType;

    /**
     * One sample.
     *
     * @param locationIds leaf first
     * @param values      one per sample type
     * @param labels      each {key, str, num}
     */
    record Sample(long[] locationIds, long[] values, List<long[]> labels) {
    }
}
