// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

/**
 * Where {@code top} shows its views and reads keys: a terminal screen, or plain snapshots when standard output is
 * not a terminal. Used by the screen's thread only; closing it gives the terminal back as it was.
 */
public interface TopDisplay extends AutoCloseable {
    /** {@link #readKey} returns this when no key came in time. */
    int NO_KEY = -1;
    /** {@link #readKey} returns this when the input has ended (the terminal hung up): time to quit. */
    int INPUT_CLOSED = -2;

    /** Whether someone watches it live, who wants a first view at once rather than after a whole interval. */
    boolean interactive();

    /** Shows one view. */
    void show(TopView view, ScreenState state);

    /** Waits at most {@code timeoutNanos} for a key and returns its character code, or one of the codes above. */
    int readKey(long timeoutNanos);

    /** Whether the display changed size since it last showed a view. */
    boolean resized();

    @Override
    void close();
}
