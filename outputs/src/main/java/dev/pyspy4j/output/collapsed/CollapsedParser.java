// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads collapsed stacks ({@code root;...;leaf count} per line, the format {@link CollapsedWriter} writes and
 * flamegraph.pl reads) into sample counts per stack. Lines naming the same stack add up; empty lines are skipped;
 * {@code " N"} is a stack without frames (a stack of one empty label reads the same way).
 */
public final class CollapsedParser {
    private static final int SHOWN_CHARS = 60;

    private CollapsedParser() {
    }

    /** Parses UTF-8 collapsed stacks. */
    public static Map<List<String>, Long> parse(InputStream in) throws IOException {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Parses collapsed stacks.
     *
     * @return the samples per stack, each stack its labels root first, in order of first appearance
     * @throws SpyException MALFORMED_INPUT naming the line when a line has no count, a count that is not a
     *                      non-negative integer, or counts add up beyond {@code Long.MAX_VALUE}
     */
    public static Map<List<String>, Long> parse(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        Map<List<String>, Long> stacks = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isEmpty()) {
                addLine(stacks, line, number);
            }
        }
        return stacks;
    }

    private static void addLine(Map<List<String>, Long> stacks, String line, int number) {
        int space = line.lastIndexOf(' ');
        if (space < 0) {
            throw malformed(number, "has no sample count", line);
        }
        long count = parseCount(line.substring(space + 1), number, line);
        String stack = line.substring(0, space);
        List<String> labels = stack.isEmpty() ? List.of()
                : Collections.unmodifiableList(Arrays.asList(stack.split(";", -1)));
        try {
            stacks.merge(labels, count, Math::addExact);
        } catch (ArithmeticException e) {
            throw malformed(number, "makes the sample count overflow", line);
        }
    }

    private static long parseCount(String digits, int number, String line) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(number, "does not end in a sample count", line);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw malformed(number, "has a sample count out of range", line);
        }
    }

    private static SpyException malformed(int number, String problem, String line) {
        String shown = line.length() > SHOWN_CHARS ? line.substring(0, SHOWN_CHARS) + "..." : line;
        return new SpyException(FailureKind.MALFORMED_INPUT,
                "collapsed stacks line " + number + " " + problem + ": '" + shown + "'");
    }
}
