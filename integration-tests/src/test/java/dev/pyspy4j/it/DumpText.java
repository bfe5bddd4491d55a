// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code dump}'s text back into threads, frames and variables ({@code --locals}), to check them one by one. */
final class DumpText {
    private static final Pattern THREAD =
            Pattern.compile("Thread (\\S+) \\((idle|active|active\\+gil)\\)(?:: \"(.*)\")?");
    private static final Pattern FRAME = Pattern.compile(" {4}(\\S.*) \\((.+?)(?::(\\d+))?\\)");
    private static final String ARGUMENTS = "        Arguments:";
    private static final String LOCALS = "        Locals:";
    private static final Pattern VARIABLE = Pattern.compile(" {12}(\\S+?): (.*)");

    private DumpText() {
    }

    /** The threads after the header (two lines and a blank line), in printed order. */
    static List<DumpedThread> threads(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[0].startsWith("Process ") || !lines[1].startsWith("Python v")
                || !lines[2].isEmpty() || !lines[lines.length - 1].isEmpty()) {
            throw new AssertionError("not a dump:\n" + text);
        }
        Reader reader = new Reader();
        for (int i = 3; i < lines.length - 1; i++) {
            if (!reader.read(lines[i])) {
                throw new AssertionError("line " + (i + 1) + " is neither a thread, a frame nor a variable: '"
                        + lines[i] + "'\n" + text);
            }
        }
        return reader.threads;
    }

    /** Follows the nesting of threads, frames, headings and variables line by line. */
    private static final class Reader {
        private final List<DumpedThread> threads = new ArrayList<>();
        private Boolean argumentsSection;

        boolean read(String line) {
            Matcher thread = THREAD.matcher(line);
            Matcher frame = FRAME.matcher(line);
            Matcher variable = VARIABLE.matcher(line);
            if (thread.matches()) {
                threads.add(new DumpedThread(thread.group(1), thread.group(2), thread.group(3), new ArrayList<>()));
                argumentsSection = null;
            } else if (frame.matches() && !threads.isEmpty()) {
                int number = frame.group(3) == null ? 0 : Integer.parseInt(frame.group(3));
                frames().add(new DumpedFrame(frame.group(1), frame.group(2), number, new ArrayList<>()));
                argumentsSection = null;
            } else if ((line.equals(ARGUMENTS) || line.equals(LOCALS)) && lastFrame() != null) {
                argumentsSection = line.equals(ARGUMENTS);
            } else if (variable.matches() && argumentsSection != null) {
                lastFrame().variables().add(new DumpedVariable(variable.group(1), argumentsSection, variable.group(2)));
            } else {
                return false;
            }
            return true;
        }

        private List<DumpedFrame> frames() {
            return threads.get(threads.size() - 1).frames();
        }

        private DumpedFrame lastFrame() {
            return threads.isEmpty() || frames().isEmpty() ? null : frames().get(frames().size() - 1);
        }
    }

    /** A thread header and its frames, leaf first. */
    record DumpedThread(String id, String status, String name, List<DumpedFrame> frames) {
    }

    /** One frame line, and the variables printed under it (none without {@code --locals}). */
    record DumpedFrame(String function, String file, int line, List<DumpedVariable> variables) {
        DumpedFrame(String function, String file, int line) {
            this(function, file, line, List.of());
        }
    }

    /** One {@code name: repr} line, under {@code Arguments:} or {@code Locals:}. */
    record DumpedVariable(String name, boolean argument, String repr) {
    }
}
