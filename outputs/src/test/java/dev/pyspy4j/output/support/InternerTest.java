// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dense ids in order of first appearance. */
class InternerTest {
    @Test
    void givesEqualValuesOneIdAndNewValuesTheNextOne() {
        Interner<String> strings = new Interner<>();

        assertThat(strings.intern("b")).isZero();
        assertThat(strings.intern("a")).isEqualTo(1);
        assertThat(strings.intern(new String("b"))).isZero();
        assertThat(strings.size()).isEqualTo(2);
        assertThat(strings.get(1)).isEqualTo("a");
    }

    @Test
    void internsStacksByValue() {
        Interner<FrameIds> stacks = new Interner<>();
        int[] ids = {3, 1, 2};
        int first = stacks.intern(new FrameIds(ids));
        ids[0] = 9;

        assertThat(stacks.intern(new FrameIds(new int[] {3, 1, 2}))).isEqualTo(first);
        assertThat(stacks.intern(new FrameIds(ids))).isEqualTo(first + 1);
        assertThat(stacks.get(first).get(0)).isEqualTo(3);
    }
}
