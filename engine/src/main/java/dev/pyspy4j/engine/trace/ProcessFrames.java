// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pseudo-frames {@code --subprocesses} puts at the root end of every stack, as py-spy does: one
 * {@code process <pid>:"<command line>"} for the process and one for each of its ancestors, so that a flame
 * graph's root is the top-most ancestor and each process's stacks grow from under its parent's.
 *
 * <p>A command line may hold anything, and {@code python -c} scripts hold line breaks and semicolons, which
 * would split a collapsed-stack line or a frame (py-spy's raw output breaks on them). So the command line is
 * written as in a C string literal: {@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t}, other control
 * characters and {@code ;} as {@code \xNN}, the Unicode line and paragraph separators as {@code \u2028} and
 * {@code \u2029}; and it is cut after {@value #LONGEST_COMMAND_LINE} characters (ending in {@code ...}), since
 * every stack of the process repeats it.
 */
public final class ProcessFrames {
    static final int LONGEST_COMMAND_LINE = 240;
    private static final String CUT = "...";

    private ProcessFrames() {
    }

    /** The label of one process's pseudo-frame. */
    public static String label(ProcessInfo process) {
        return "process " + process.pid() + ":\"" + escape(process.commandLine()) + "\"";
    }

    /** The frames of a process and its ancestors, the process first (frames are leaf first). */
    public static List<Frame> of(ProcessInfo process) {
        List<Frame> frames = new ArrayList<>();
        for (ProcessInfo at = process; at != null; at = at.parent()) {
            frames.add(new Frame(label(at), "", null, "", 0, null, false, false));
        }
        return frames;
    }

    /** {@code commandLine} escaped and cut as described above: one line, without {@code ;}. */
    public static String escape(String commandLine) {
        StringBuilder escaped = new StringBuilder(Math.min(commandLine.length(), LONGEST_COMMAND_LINE) + 8);
        for (int i = 0; i < commandLine.length(); i++) {
            if (escaped.length() >= LONGEST_COMMAND_LINE) {
                return escaped.append(CUT).toString();
            }
            char c = commandLine.charAt(i);
            escaped.append(escape(c));
            if (Character.isHighSurrogate(c) && i + 1 < commandLine.length()
                    && Character.isLowSurrogate(commandLine.charAt(i + 1))) {
                escaped.append(commandLine.charAt(++i));
            }
        }
        return escaped.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '"' -> "\\\"";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u2028', '\u2029' -> String.format(Locale.ROOT, "\\u%04x", (int) c);
            default -> c == ';' || Character.isISOControl(c) ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                    : String.valueOf(c);
        };
    }
}
