// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code dump}'s text back into threads and frames, to check them one by one. */
final class DumpText {
    private static final Pattern THREAD = Pattern.compile("Thread (\\S+) \\((idle|active|active\\+gil)\\)(?:: \"(.*)\")?");
    private static final Pattern FRAME = Pattern.compile(" {4}(.+) \\((.+?)(?::(\\d+))?\\)");

    private DumpText() {
    }

    /** The threads after the header (two lines and a blank line), in printed order. */
    static List<DumpedThread> threads(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[0].startsWith("Process ") || !lines[1].startsWith("Python v")
                || !lines[2].isEmpty() || !lines[lines.length - 1].isEmpty()) {
            throw new AssertionError("not a dump:\n" + text);
        }
        List<DumpedThread> threads = new ArrayList<>();
        for (int i = 3; i < lines.length - 1; i++) {
            Matcher thread = THREAD.matcher(lines[i]);
            Matcher frame = FRAME.matcher(lines[i]);
            if (thread.matches()) {
                threads.add(new DumpedThread(thread.group(1), thread.group(2), thread.group(3), new ArrayList<>()));
            } else if (frame.matches() && !threads.isEmpty()) {
                int line = frame.group(3) == null ? 0 : Integer.parseInt(frame.group(3));
                threads.get(threads.size() - 1).frames().add(new DumpedFrame(frame.group(1), frame.group(2), line));
            } else {
                throw new AssertionError("line " + (i + 1) + " is neither a thread nor a frame: '" + lines[i] + "'");
            }
        }
        return threads;
    }

    /** A thread header and its frames, leaf first. */
    record DumpedThread(String id, String status, String name, List<DumpedFrame> frames) {
    }

    /** One frame line. */
    record DumpedFrame(String function, String file, int line) {
    }
}
