// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.cli.dump.Palette;
import java.io.PrintWriter;

/**
 * Where {@code record} talks to the user: standard error, so that standard output stays the launched program's.
 * Its own lines start with {@code pyspy4j> }, as py-spy prefixes {@code py-spy> }, to stand apart from the
 * program's output. On a terminal one status line is redrawn in place ({@code \r}, then erase to the end of the
 * line, ECMA-48 EL {@code ESC [ K}); every other line first clears it. The prefix is coloured when standard error
 * takes colours ({@link Palette#choose}: a terminal, unless {@code NO_COLOR} or {@code CLICOLOR=0} say otherwise).
 */
public final class RecordConsole {
    private static final String PREFIX = "pyspy4j> ";
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final String commandName;
    private final String prefix;
    private boolean statusShown;

    /**
     * @param terminal    whether standard error is a terminal, where a status line can be redrawn
     * @param commandName the prefix of warnings, e.g. {@code pyspy4j record}
     * @param palette     the colours standard error takes
     */
    public RecordConsole(PrintWriter err, boolean terminal, String commandName, Palette palette) {
        this.err = err;
        this.terminal = terminal;
        this.commandName = commandName;
        this.prefix = palette.prompt(PREFIX.strip()) + " ";
    }

    /** A console without colours. */
    public RecordConsole(PrintWriter err, boolean terminal, String commandName) {
        this(err, terminal, commandName, Palette.PLAIN);
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** A line about the run: what is sampled, why it stopped, what was written. */
    public void info(String line) {
        println(prefix + line);
    }

    /** Something the user should act on; the run goes on. */
    public void warning(String text) {
        println(commandName + ": warning: " + text);
    }

    /** Redraws the status line; does nothing unless on a terminal. */
    public void status(String text) {
        if (terminal) {
            err.print(CLEAR_LINE + prefix + text);
            err.flush();
            statusShown = true;
        }
    }

    /** Removes the status line, if shown. */
    public void clearStatus() {
        if (statusShown) {
            err.print(CLEAR_LINE);
            err.flush();
            statusShown = false;
        }
    }

    private void println(String line) {
        clearStatus();
        err.println(line);
        err.flush();
    }
}
