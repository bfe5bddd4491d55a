// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.model.Frame;
import java.util.List;

/**
 * Guesses idleness from the innermost Python frame, for threads whose OS state is unknown: waiting on a
 * {@code threading} condition, in a {@code selectors} select, or polling in an event loop (py-spy's rules).
 */
public final class IdleHeuristics {
    private IdleHeuristics() {
    }

    public static boolean looksIdle(List<Frame> leafFirst) {
        if (leafFirst.isEmpty()) {
            return false;
        }
        Frame leaf = leafFirst.get(0);
        String name = leaf.name();
        String file = leaf.filename();
        return (name.equals("wait") && file.endsWith("threading.py"))
                || (name.equals("select") && file.endsWith("selectors.py"))
                || (name.equals("poll") && (file.endsWith("asyncore.py") || file.contains("zmq")
                || file.contains("gevent") || file.contains("tornado")));
    }
}
