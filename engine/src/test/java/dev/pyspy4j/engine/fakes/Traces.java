// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;

/** Short ways to write stacks in tests. */
public final class Traces {
    private Traces() {
    }

    public static StackTrace thread(long pid, long threadId, String name, long osThreadId, boolean active,
                                    boolean ownsGil, Frame... leafFirst) {
        return new StackTrace(pid, threadId, name, osThreadId, active, ownsGil, List.of(leafFirst), null);
    }

    public static Frame frame(String name, String filename, int line) {
        return Frame.python(name, filename, line);
    }
}
