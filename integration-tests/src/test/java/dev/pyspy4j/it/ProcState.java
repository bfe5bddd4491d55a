// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scheduler state letters of a Linux process and its threads ({@code /proc/PID/task/TID/stat}, proc(5)). */
final class ProcState {
    private ProcState() {
    }

    /** The state of the process's main thread, e.g. {@code S}; {@code t} or {@code T} when stopped. */
    static char of(long pid) throws IOException {
        return stateIn(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The state of every thread of the process. */
    static List<Character> ofThreads(long pid) throws IOException {
        List<Character> states = new ArrayList<>();
        for (String tid : TaskIds.of(pid)) {
            states.add(stateIn(Path.of("/proc", Long.toString(pid), "task", tid, "stat")));
        }
        return states;
    }

    /** The field after the command name, which is in parentheses and may itself hold spaces and parentheses. */
    private static char stateIn(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2);
    }
}
