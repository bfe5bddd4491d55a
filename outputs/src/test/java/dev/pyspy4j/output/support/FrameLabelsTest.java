// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import org.junit.jupiter.api.Test;

/** py-spy's label rule. */
class FrameLabelsTest {
    private final Frame shortened = new Frame("spin", "/tmp/pkg/t.py", null, "pkg/t.py", 5, null, false, false);

    @Test
    void showsTheShortFileAndLineWhenLineNumbersAreOn() {
        assertThat(FrameLabels.label(shortened, true)).isEqualTo("spin (pkg/t.py:5)");
    }

    @Test
    void leavesTheLineOutWhenLineNumbersAreOff() {
        assertThat(FrameLabels.label(shortened, false)).isEqualTo("spin (pkg/t.py)");
    }

    @Test
    void leavesAnUnknownLineOut() {
        Frame noLine = Frame.python("<module>", "<frozen importlib._bootstrap>", 0);

        assertThat(FrameLabels.label(noLine, true)).isEqualTo("<module> (<frozen importlib._bootstrap>)");
    }

    @Test
    void usesTheFullFileWhenNoShortOneWasComputed() {
        assertThat(FrameLabels.label(Frame.python("f", "/abs/path/x.py", 2), true)).isEqualTo("f (/abs/path/x.py:2)");
    }

    @Test
    void showsAPseudoFrameAsItsName() {
        Frame thread = new Frame("thread (1234): MainThread", "", null, "", 0, null, false, false);
        Frame process = new Frame("process 42:\"python app.py\"", "", null, null, 0, null, false, false);

        assertThat(FrameLabels.label(thread, true)).isEqualTo("thread (1234): MainThread");
        assertThat(FrameLabels.label(process, true)).isEqualTo("process 42:\"python app.py\"");
    }
}
