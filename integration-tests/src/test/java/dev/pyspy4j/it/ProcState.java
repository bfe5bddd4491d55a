// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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

    /**
     * The processes of a process group whose state is stopped ({@code t} or {@code T}), with their states; processes
     * that exit while they are looked at are passed over.
     */
    static Map<Long, Character> stoppedInGroup(long group) throws IOException {
        Map<Long, Character> stopped = new TreeMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (String name : entries.map(entry -> entry.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .toList()) {
                String[] fields = statFields(Long.parseLong(name));
                if (fields != null && Long.parseLong(fields[2]) == group
                        && (fields[0].equals("t") || fields[0].equals("T"))) {
                    stopped.put(Long.parseLong(name), fields[0].charAt(0));
                }
            }
        }
        return stopped;
    }

    /**
     * The fields of {@code /proc/PID/stat} after the command name (which is in parentheses and may hold spaces):
     * state, ppid, pgrp, session, ...; {@code null} when the process is gone.
     */
    static String[] statFields(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // No such file, or ESRCH when it exits while being read.
            return null;
        }
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The field after the command name, which is in parentheses and may itself hold spaces and parentheses. */
    private static char stateIn(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2);
    }
}
