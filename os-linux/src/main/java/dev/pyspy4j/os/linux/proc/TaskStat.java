// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * The fields of {@code /proc/<pid>/task/<tid>/stat} (or {@code /proc/<pid>/stat}) that pyspy4j uses, proc(5).
 * The command name sits between the first {@code '('} and the <em>last</em> {@code ')'}: a thread may name
 * itself {@code "a) R (b"}, and only the last parenthesis is written by the kernel.
 *
 * @param id        field 1, the pid or tid
 * @param comm      field 2, the command name without parentheses (at most 15 bytes, any characters)
 * @param state     field 3, e.g. {@code R} running, {@code S} sleeping, {@code t} tracing stop, {@code Z} zombie
 * @param parentPid field 4
 * @param flags     field 9, the kernel's {@code PF_*} flags of the task
 * @param userTicks field 14, user-mode CPU time in clock ticks
 * @param systemTicks field 15, kernel-mode CPU time in clock ticks
 * @param threadCount field 20
 */
public record TaskStat(long id, String comm, char state, long parentPid, long flags, long userTicks,
        long systemTicks, long threadCount) {
    private static final int FIELDS_AFTER_COMM = 18;
    /** {@code PF_EXITING}: set when the task starts to exit, before it becomes a zombie. */
    private static final long EXITING = 0x4;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

    /** Parses the one line of a stat file; {@code source} names it in error messages. */
    public static TaskStat parse(String text, String source) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new ProcParseException(source, "no command name in parentheses", text);
        }
        long id = number(text.substring(0, open).trim(), source, text);
        String[] fields = text.substring(close + 1).trim().split(" +");
        if (fields.length < FIELDS_AFTER_COMM || fields[0].length() != 1) {
            throw new ProcParseException(source, "too few fields after the command name", text);
        }
        return new TaskStat(id, text.substring(open + 1, close), fields[0].charAt(0),
                number(fields[1], source, text), number(fields[6], source, text), number(fields[11], source, text),
                number(fields[12], source, text), number(fields[17], source, text));
    }

    /** Whether the task is exiting: killed or returning, but not yet a zombie. */
    public boolean isExiting() {
        return (flags & EXITING) != 0;
    }

    /**
     * The state letter of a stat file held in {@code bytes} (from 0 to {@code length}), without allocating:
     * the activity probe reads it for every thread of every sample.
     *
     * @return the state, or {@code '\0'} when the text is not a stat line
     */
    public static char stateOf(ByteBuffer bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes.get(i) == ')') {
                return i + 3 < length && bytes.get(i + 1) == ' ' && bytes.get(i + 3) == ' '
                        ? (char) (bytes.get(i + 2) & 0xff) : '\0';
            }
        }
        return '\0';
    }

    private static long number(String digits, String source, String text) {
        if (!DECIMAL.matcher(digits).matches()) {
            throw new ProcParseException(source, "bad number '" + digits + "'", text);
        }
        return Long.parseLong(digits);
    }
}
