// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.RecordedProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link DecodedProfile} into a {@link RecordedProfile}, checking every reference: a string index out of
 * the table, a location or function id that no entry has, or a sample with the wrong number of values is
 * malformed input.
 *
 * <p>A sample's count is its {@code samples/count} value when the profile has one (pyspy4j's do); otherwise the
 * default value (the one {@code default_sample_type} names, else the last) divided by the period when that value is
 * of the period's type, else the value itself. Samples counting 0 or less are left out. Locations with several
 * lines (inlined functions) become one frame per line, the inlined one first; a location without lines becomes a
 * frame named by its address. The labels {@code thread_id}, {@code thread_name} and {@code pid} that pyspy4j writes
 * become the stack's thread and process again.
 */
final class ProfileResolver {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final DecodedProfile profile;

    private ProfileResolver(DecodedProfile profile) {
        this.profile = profile;
    }

    static RecordedProfile resolve(DecodedProfile profile) {
        return new ProfileResolver(profile).resolve();
    }

    private RecordedProfile resolve() {
        if (profile.strings.isEmpty() || !profile.strings.get(0).isEmpty()) {
            throw malformed("its string table does not start with an empty string");
        }
        if (profile.sampleTypes.isEmpty()) {
            throw malformed("it has no sample type");
        }
        int countIndex = countIndex();
        int valueIndex = valueIndex();
        boolean valueInPeriods = countIndex < 0 && profile.periodType != null && profile.period > 0
                && string(profile.periodType[0]).equals(string(profile.sampleTypes.get(valueIndex)[0]));
        List<RecordedProfile.CountedStack> stacks = new ArrayList<>();
        for (DecodedProfile.Sample sample : profile.samples) {
            if (sample.values().length != profile.sampleTypes.size()) {
                throw malformed("a sample has " + sample.values().length + " values for "
                        + profile.sampleTypes.size() + " sample types");
            }
            long count = countIndex >= 0 ? sample.values()[countIndex]
                    : valueInPeriods ? sample.values()[valueIndex] / profile.period : sample.values()[valueIndex];
            StackTrace trace = trace(sample);
            if (count > 0) {
                stacks.add(new RecordedProfile.CountedStack(trace, count));
            }
        }
        return new RecordedProfile(title(), sampleRate(), timeType().equals("wall"), stacks);
    }

    private int countIndex() {
        for (int i = 0; i < profile.sampleTypes.size(); i++) {
            if (string(profile.sampleTypes.get(i)[1]).equals("count")) {
                return i;
            }
        }
        return -1;
    }

    private int valueIndex() {
        String wanted = string(profile.defaultSampleType);
        for (int i = 0; i < profile.sampleTypes.size(); i++) {
            if (!wanted.isEmpty() && string(profile.sampleTypes.get(i)[0]).equals(wanted)) {
                return i;
            }
        }
        return profile.sampleTypes.size() - 1;
    }

    private String timeType() {
        return profile.periodType == null ? "" : string(profile.periodType[0]);
    }

    private int sampleRate() {
        if (profile.periodType == null || profile.period <= 0
                || !string(profile.periodType[1]).equals("nanoseconds")) {
            return 0;
        }
        return (int) Math.max(1, Math.min(NANOS_PER_SECOND, Math.round((double) NANOS_PER_SECOND / profile.period)));
    }

    private String title() {
        return profile.comments.isEmpty() ? null : string(profile.comments.get(0));
    }

    private StackTrace trace(DecodedProfile.Sample sample) {
        List<Frame> frames = new ArrayList<>();
        for (long locationId : sample.locationIds()) {
            long[][] lines = profile.locations.get(locationId);
            if (lines == null) {
                throw malformed("a sample names location " + Long.toUnsignedString(locationId) + ", which it lacks");
            }
            if (lines.length == 0) {
                frames.add(Frame.python("0x" + Long.toHexString(profile.locationAddresses.get(locationId)), "", 0));
            }
            for (long[] line : lines) {
                long[] function = profile.functions.get(line[0]);
                if (function == null) {
                    throw malformed("a location names function " + Long.toUnsignedString(line[0]) + ", which it lacks");
                }
                int number = line[1] > 0 && line[1] <= Integer.MAX_VALUE ? (int) line[1] : 0;
                frames.add(Frame.python(string(function[1]), string(function[2]), number));
            }
        }
        return thread(sample, frames);
    }

    private StackTrace thread(DecodedProfile.Sample sample, List<Frame> frames) {
        long threadId = 0;
        long osThreadId = 0;
        String threadName = null;
        ProcessInfo process = null;
        long pid = 0;
        for (long[] label : sample.labels()) {
            String key = string(label[0]);
            switch (key) {
                case "thread_id" -> {
                    String id = string(label[1]);
                    if (id.matches("[0-9]{1,18}")) {
                        osThreadId = Long.parseLong(id);
                    } else if (id.matches("0[xX][0-9a-fA-F]{1,16}")) {
                        threadId = Long.parseUnsignedLong(id.substring(2), 16);
                    }
                }
                case "thread_name" -> threadName = string(label[1]);
                case "pid" -> {
                    pid = label[2];
                    process = new ProcessInfo(pid, "", null);
                }
                default -> {
                    // Other tools' labels have no place in a pyspy4j stack.
                }
            }
        }
        return new StackTrace(pid, threadId, threadName, osThreadId, true, false, frames, process);
    }

    private String string(long index) {
        if (index < 0 || index >= profile.strings.size()) {
            throw malformed("it names string " + index + " of a table of " + profile.strings.size());
        }
        return profile.strings.get((int) index);
    }

    static SpyException malformed(String problem) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "not a valid pprof profile: " + problem);
    }
}
