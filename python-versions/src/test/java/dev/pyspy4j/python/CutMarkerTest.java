// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.walk.OuterFramesCut;
import dev.pyspy4j.spi.model.Frame;
import org.junit.jupiter.api.Test;

/** The frame that closes a stack cut for depth says how many outer frames are missing. */
class CutMarkerTest {
    @Test
    void saysHowManyOuterFramesWereCut() {
        assertThat(SampleDecoder.cutMarker(new OuterFramesCut(61_811, false)))
                .isEqualTo(Frame.python("<61811 outer frames cut>", "<pyspy4j>", 0));
        assertThat(SampleDecoder.cutMarker(new OuterFramesCut(1, false)).name()).isEqualTo("<1 outer frame cut>");
    }

    @Test
    void saysMoreThanTheCountWhenCountingStopped() {
        assertThat(SampleDecoder.cutMarker(new OuterFramesCut(1 << 20, true)).name())
                .isEqualTo("<more than 1048576 outer frames cut>");
    }
}
