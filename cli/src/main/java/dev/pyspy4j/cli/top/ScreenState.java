// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

/**
 * What the user chose on {@code top}'s screen, and what each key asks for (py-spy's keys): 1 to 4 sort
 * by a column, L toggles between functions and lines, R resets, ? shows the help and X or Escape hides it, q and
 * Control-C quit (the terminal is in raw mode, so Control-C arrives as a key, not as SIGINT). Used by the screen's
 * thread only.
 */
public final class ScreenState {
    private static final int CONTROL_C = 3;
    private static final int ESCAPE = 27;

    /** What a key press asks of the screen. */
    public enum Action {
        /** Nothing: an unknown key. */
        NONE,
        /** Draw again: the sort order, the aggregation or the help changed. */
        REDRAW,
        /** Forget the statistics, then draw again. */
        RESET,
        /** End {@code top}. */
        QUIT
    }

    private SortColumn sort = SortColumn.OWN_TIME;
    private boolean byLine;
    private boolean helpShown;

    public SortColumn sort() {
        return sort;
    }

    public boolean byLine() {
        return byLine;
    }

    public boolean helpShown() {
        return helpShown;
    }

    /** Applies a key (a character code) and says what the screen must do. */
    public Action press(int key) {
        SortColumn column = SortColumn.forKey(key);
        if (column != null) {
            sort = column;
            return Action.REDRAW;
        }
        return switch (key) {
            case 'l', 'L' -> {
                byLine = !byLine;
                yield Action.REDRAW;
            }
            case '?' -> {
                helpShown = !helpShown;
                yield Action.REDRAW;
            }
            case 'x', 'X', ESCAPE -> {
                helpShown = false;
                yield Action.REDRAW;
            }
            case 'r', 'R' -> Action.RESET;
            case 'q', 'Q', CONTROL_C, TopDisplay.INPUT_CLOSED -> Action.QUIT;
            default -> Action.NONE;
        };
    }
}
