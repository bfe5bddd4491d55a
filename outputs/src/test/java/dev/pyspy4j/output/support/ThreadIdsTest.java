// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thread ids as py-spy's {@code format_threadid} prints them. */
class ThreadIdsTest {
    @Test
    void printsTheOsThreadIdInDecimal() {
        assertThat(ThreadIds.format(new StackTrace(1, 0x7f00L, null, 4321, true, true, List.of(), null)))
                .isEqualTo("4321");
    }

    @Test
    void printsThePthreadIdInUpperCaseHexadecimalWithoutAnOsThreadId() {
        assertThat(ThreadIds.format(new StackTrace(1, 0x7f3a1c2b4740L, null, 0, true, true, List.of(), null)))
                .isEqualTo("0x7F3A1C2B4740");
    }
}
