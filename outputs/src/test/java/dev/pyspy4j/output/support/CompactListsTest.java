// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link IntList} and {@link LongList} grow past their initial capacity and check bounds. */
class CompactListsTest {
    @Test
    void intListKeepsEveryElementAcrossGrowth() {
        IntList list = new IntList();
        for (int i = 0; i < 1000; i++) {
            list.add(i * 3);
        }
        list.set(500, -1);

        assertThat(list.size()).isEqualTo(1000);
        assertThat(list.get(999)).isEqualTo(2997);
        assertThat(list.last()).isEqualTo(2997);
        assertThat(list.get(500)).isEqualTo(-1);
        assertThatThrownBy(() -> list.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new IntList().last()).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void longListKeepsEveryElementAcrossGrowth() {
        LongList list = new LongList();
        for (int i = 0; i < 1000; i++) {
            list.add(i * 10_000_000_000L);
        }
        list.set(0, 7);

        assertThat(list.size()).isEqualTo(1000);
        assertThat(list.get(999)).isEqualTo(9_990_000_000_000L);
        assertThat(list.get(0)).isEqualTo(7);
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
