// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The labels that name the series every pushed profile belongs to: {@code __name__} (the profile's kind),
 * {@code service_name} ({@code --app}) and the user's {@code --tag}s, checked here so that a server never has to
 * refuse them.
 */
public final class SeriesLabels {
    /** The label Pyroscope names a profile's kind by. */
    public static final String PROFILE_NAME = "__name__";
    /** The label Pyroscope names the application by. */
    public static final String SERVICE_NAME = "service_name";
    /** The labels each pprof sample may carry ({@code --pyroscope-labels}), which a tag must not shadow. */
    private static final Set<String> SAMPLE_LABELS = Set.of("thread_id", "thread_name", "pid");
    /** Prometheus's label names, which every Pyroscope accepts as they are (newer ones also take dots). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The longest label value a Pyroscope accepts by default. */
    private static final int MAX_VALUE_LENGTH = 2048;

    private SeriesLabels() {
    }

    /**
     * The labels of a series: the profile's kind, the application, the tags.
     *
     * @param profileName {@code process_cpu}, or {@code wall} when idle samples are kept
     */
    public static List<LabelPair> series(String profileName, String app, List<LabelPair> tags) {
        List<LabelPair> labels = new ArrayList<>();
        labels.add(new LabelPair(PROFILE_NAME, profileName));
        labels.add(new LabelPair(SERVICE_NAME, app));
        labels.addAll(tags);
        return List.copyOf(labels);
    }

    /**
     * @return {@code app}, checked
     * @throws IllegalArgumentException with a message for the user when it cannot name a service
     */
    public static String app(String app) {
        checkValue("--app", app);
        return app;
    }

    /**
     * @param tags {@code name=value} as typed, in order
     * @throws IllegalArgumentException with a message for the user when a name or value is not allowed
     */
    public static List<LabelPair> tags(List<String> tags) {
        List<LabelPair> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            LabelPair label = tag(tag);
            if (!seen.add(label.name())) {
                throw new IllegalArgumentException("--tag " + label.name() + " is given twice");
            }
            labels.add(label);
        }
        return List.copyOf(labels);
    }

    private static LabelPair tag(String tag) {
        int equals = tag.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--tag takes name=value, not '" + tag + "'");
        }
        String name = tag.substring(0, equals);
        String value = tag.substring(equals + 1);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--tag name '" + name + "' is not a label name (letters, digits and"
                    + " _, not starting with a digit)");
        }
        if (name.startsWith("__") || name.equals(SERVICE_NAME) || SAMPLE_LABELS.contains(name)) {
            throw new IllegalArgumentException("--tag name '" + name + "' is reserved ("
                    + (name.equals(SERVICE_NAME) ? "--app sets it" : name.startsWith("__")
                    ? "names starting with __ are Pyroscope's own" : "--pyroscope-labels sets it") + ")");
        }
        checkValue("--tag " + name, value);
        return new LabelPair(name, value);
    }

    private static void checkValue(String what, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " needs a value that is not empty");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " holds a control character");
        }
    }
}
