// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command run under GNU {@code time}, which prints the command's peak resident set size on standard error once it
 * exits, so that a test can print how much memory a run took.
 */
final class PeakRss {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final String LABEL = "pyspy4j-it peak RSS KiB: ";
    private static final Pattern FIGURE = Pattern.compile(Pattern.quote(LABEL) + "(\\d+)");

    private PeakRss() {
    }

    /** {@code command} run under {@code /usr/bin/time}, which must be installed (Debian's {@code time} package). */
    static List<String> measured(List<String> command) {
        assertThat(Files.isExecutable(GNU_TIME)).as("GNU time (apt-get install time)").isTrue();
        List<String> wrapped = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", LABEL + "%M"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The peak RSS in KiB that {@code time} printed on the standard error {@code err} of a measured command. */
    static long kibIn(String err) {
        Matcher figure = FIGURE.matcher(err);
        assertThat(figure.find()).as("peak RSS in:%n%s", err).isTrue();
        return Long.parseLong(figure.group(1));
    }
}
