// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import org.junit.jupiter.api.Test;

class FailureTallyTest {
    private static SpyException torn() {
        return new SpyException(FailureKind.MEMORY_READ, "frame chain loops", "torn stack", null);
    }

    @Test
    void countsByReasonMostFrequentFirstWithTheFirstSeenWinningATie() {
        FailureTally tally = new FailureTally();
        tally.add(new SpyException(FailureKind.PROCESS_EXITED, "gone"));
        tally.add(new SpyException(FailureKind.MEMORY_READ, "bad address"));
        tally.add(torn());
        tally.add(torn());

        assertThat(tally.total()).isEqualTo(4);
        assertThat(tally.byReason()).containsExactly(entry("torn stack", 2L),
                entry("process exited", 1L), entry("unreadable memory", 1L));
        assertThat(tally.breakdown()).isEqualTo("torn stack: 2, process exited: 1, unreadable memory: 1");
    }

    @Test
    void anEmptyTallyHasNoReasons() {
        assertThat(new FailureTally().byReason()).isEmpty();
        assertThat(new FailureTally().breakdown()).isEmpty();
    }
}
