// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.StackTrace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which threads {@code --idle} and {@code --gil} keep (as py-spy's record loop decides). */
class TraceFilterTest {
    private static StackTrace trace(boolean active, boolean ownsGil) {
        return thread(1, 2, "t", 3, active, ownsGil, frame("f", "/t.py", 1));
    }

    @ParameterizedTest(name = "idle={0} gil={1}: active={2} ownsGil={3} kept={4}")
    @CsvSource({
        // default: running threads only, GIL or not
        "false, false, true,  true,  true",
        "false, false, true,  false, true",
        "false, false, false, false, false",
        "false, false, false, true,  false",
        // --idle: every thread
        "true,  false, false, false, true",
        "true,  false, true,  false, true",
        // --gil: only the GIL holder, and it must be running unless --idle
        "false, true,  true,  true,  true",
        "false, true,  true,  false, false",
        "false, true,  false, true,  false",
        "true,  true,  false, true,  true",
        "true,  true,  false, false, false",
    })
    void keeps(boolean includeIdle, boolean gilOnly, boolean active, boolean ownsGil, boolean kept) {
        assertThat(new TraceFilter(includeIdle, gilOnly).keeps(trace(active, ownsGil))).isEqualTo(kept);
    }

    @ParameterizedTest(name = "idle={0} gil={1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void neverKeepsAThreadWithoutFrames(boolean includeIdle, boolean gilOnly) {
        assertThat(new TraceFilter(includeIdle, gilOnly).keeps(thread(1, 2, "t", 3, true, true))).isFalse();
    }
}
