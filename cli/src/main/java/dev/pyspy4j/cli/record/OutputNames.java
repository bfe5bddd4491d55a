// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The output name used without {@code -o}, as py-spy makes it: {@code <program or pid>-<local time>.<extension>},
 * the time in RFC 3339 to the second with {@code Z} for UTC (chrono's {@code to_rfc3339_opts(Secs, true)}), e.g.
 * {@code python-2026-11-26T18:04:05+01:00.svg}. Unlike py-spy, only the program's base name is used, so that
 * {@code /usr/bin/python3} does not send the file into {@code /usr/bin}.
 */
public final class OutputNames {
    private static final DateTimeFormatter RFC_3339_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private OutputNames() {
    }

    /**
     * @param programOrPid argv[0] of the launched program, or the pid of the process recorded
     */
    public static String defaultName(String programOrPid, ZonedDateTime now, String extension) {
        String base = programOrPid.substring(programOrPid.lastIndexOf('/') + 1);
        return (base.isEmpty() ? "unknown" : base) + "-" + now.truncatedTo(ChronoUnit.SECONDS).format(RFC_3339_SECONDS)
                + "." + extension;
    }
}
