// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys of {@code top}'s screen and what each asks for. */
class ScreenStateTest {
    private final ScreenState state = new ScreenState();

    @Test
    void startsSortedByOwnTimeByFunctionWithoutHelp() {
        assertThat(state.sort()).isEqualTo(SortColumn.OWN_TIME);
        assertThat(state.byLine()).isFalse();
        assertThat(state.helpShown()).isFalse();
    }

    @Test
    void digitsChooseTheSortColumn() {
        assertThat(state.press('1')).isEqualTo(ScreenState.Action.REDRAW);
        assertThat(state.sort()).isEqualTo(SortColumn.OWN_PERCENT);
        state.press('4');
        assertThat(state.sort()).isEqualTo(SortColumn.TOTAL_TIME);
        assertThat(state.press('9')).isEqualTo(ScreenState.Action.NONE);
        assertThat(state.sort()).isEqualTo(SortColumn.TOTAL_TIME);
    }

    @Test
    void lTogglesLinesInEitherCase() {
        assertThat(state.press('L')).isEqualTo(ScreenState.Action.REDRAW);
        assertThat(state.byLine()).isTrue();
        state.press('l');
        assertThat(state.byLine()).isFalse();
    }

    @Test
    void questionMarkTogglesHelpAndXOrEscapeHidesIt() {
        state.press('?');
        assertThat(state.helpShown()).isTrue();
        state.press('?');
        assertThat(state.helpShown()).isFalse();
        state.press('?');
        state.press('x');
        assertThat(state.helpShown()).isFalse();
        state.press('?');
        assertThat(state.press(27)).isEqualTo(ScreenState.Action.REDRAW);
        assertThat(state.helpShown()).isFalse();
    }

    @Test
    void rResetsAndQControlCOrTheEndOfInputQuit() {
        assertThat(state.press('r')).isEqualTo(ScreenState.Action.RESET);
        assertThat(state.press('R')).isEqualTo(ScreenState.Action.RESET);
        assertThat(state.press('q')).isEqualTo(ScreenState.Action.QUIT);
        assertThat(state.press('Q')).isEqualTo(ScreenState.Action.QUIT);
        assertThat(state.press(3)).as("Control-C in raw mode").isEqualTo(ScreenState.Action.QUIT);
        assertThat(state.press(TopDisplay.INPUT_CLOSED)).isEqualTo(ScreenState.Action.QUIT);
        assertThat(state.press(26)).as("Control-Z does nothing").isEqualTo(ScreenState.Action.NONE);
    }
}
