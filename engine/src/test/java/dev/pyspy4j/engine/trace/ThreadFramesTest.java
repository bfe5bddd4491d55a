// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import org.junit.jupiter.api.Test;

/** The {@code --threads} pseudo-frame, as py-spy labels it. */
class ThreadFramesTest {
    @Test
    void namesTheOsThreadAndThePythonName() {
        assertThat(ThreadFrames.label(thread(10, 0x7f5e_1234_5700L, "MainThread", 6685, true, true)))
                .isEqualTo("thread (6685): MainThread");
    }

    @Test
    void leavesTheNameOutWhenUnknown() {
        assertThat(ThreadFrames.label(thread(10, 0x7f5e_1234_5700L, null, 6685, true, true)))
                .isEqualTo("thread (6685)");
    }

    @Test
    void fallsBackOnThePthreadIdInUpperCaseHexWithoutAnOsThreadId() {
        assertThat(ThreadFrames.label(thread(10, 0x7f5e_abcd_5700L, "worker", 0, true, true)))
                .isEqualTo("thread (0x7F5EABCD5700): worker");
    }

    @Test
    void theFrameHasNoFileAndNoLineSoFormatsShowTheLabelAlone() {
        Frame frame = ThreadFrames.of(thread(10, 1, "w", 77, true, true));

        assertThat(frame.name()).isEqualTo("thread (77): w");
        assertThat(frame.filename()).isEmpty();
        assertThat(frame.displayFilename()).isEmpty();
        assertThat(frame.line()).isZero();
        assertThat(frame.module()).isNull();
    }
}
