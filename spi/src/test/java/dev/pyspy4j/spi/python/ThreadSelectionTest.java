// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThreadSelectionTest {
    @Test
    void everyThreadWhenNothingIsAsked() {
        assertThat(ThreadSelection.ALL.isAll()).isTrue();
        assertThat(ThreadSelection.ALL.selects(0, null)).isTrue();
    }

    @Test
    void idsAndNamesMustBothMatchWhenBothAreGiven() {
        ThreadSelection selection = new ThreadSelection(Set.of(7L, 9L), Optional.of(Pattern.compile("^Work")));

        assertThat(selection.isAll()).isFalse();
        assertThat(selection.needsNames()).isTrue();
        assertThat(selection.selects(7, "Worker-1")).isTrue();
        assertThat(selection.selects(8, "Worker-1")).isFalse();
        assertThat(selection.selects(9, "MainThread")).isFalse();
        assertThat(selection.selects(9, null)).as("a thread without a Python name").isFalse();
    }

    @Test
    void aNameIsMatchedAnywhereAndAnUnknownIdIsNotSelectedById() {
        ThreadSelection byName = new ThreadSelection(Set.of(), Optional.of(Pattern.compile("pool")));
        ThreadSelection byId = new ThreadSelection(Set.of(7L), Optional.empty());

        assertThat(byName.selects(0, "ThreadPoolExecutor-0_1")).isFalse();
        assertThat(byName.selects(0, "worker pool 2")).isTrue();
        assertThat(byId.needsNames()).isFalse();
        assertThat(byId.selects(0, "anything")).isFalse();
    }
}
