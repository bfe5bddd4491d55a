// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When {@code dump} colours its text, following the console crate's rules and no-color.org. */
class PaletteTest {
    @Test
    void coloursOnATerminal() {
        assertThat(Palette.choose(Map.of(), true)).isSameAs(Palette.ANSI);
    }

    @Test
    void noColoursIntoAPipe() {
        assertThat(Palette.choose(Map.of(), false)).isSameAs(Palette.PLAIN);
    }

    @Test
    void noColorTurnsThemOff() {
        assertThat(Palette.choose(Map.of("NO_COLOR", "1"), true)).isSameAs(Palette.PLAIN);
    }

    @Test
    void anEmptyNoColorDoesNot() {
        assertThat(Palette.choose(Map.of("NO_COLOR", ""), true)).isSameAs(Palette.ANSI);
    }

    @Test
    void clicolorZeroTurnsThemOff() {
        assertThat(Palette.choose(Map.of("CLICOLOR", "0"), true)).isSameAs(Palette.PLAIN);
        assertThat(Palette.choose(Map.of("CLICOLOR", "1"), true)).isSameAs(Palette.ANSI);
    }

    @Test
    void dumbTerminalsGetNone() {
        assertThat(Palette.choose(Map.of("TERM", "dumb"), true)).isSameAs(Palette.PLAIN);
    }

    @Test
    void clicolorForceWinsEverywhere() {
        assertThat(Palette.choose(Map.of("CLICOLOR_FORCE", "1"), false)).isSameAs(Palette.ANSI);
        assertThat(Palette.choose(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1", "CLICOLOR", "0"), false))
                .isSameAs(Palette.ANSI);
        assertThat(Palette.choose(Map.of("CLICOLOR_FORCE", "0"), false)).isSameAs(Palette.PLAIN);
    }

    @Test
    void escapesAreTheConsoleCrates() {
        assertThat(Palette.ANSI.id("7")).isEqualTo("\u001b[33m\u001b[1m7\u001b[0m");
        assertThat(Palette.ANSI.version("3.11.7")).isEqualTo("\u001b[1m3.11.7\u001b[0m");
        assertThat(Palette.ANSI.executable("/x")).isEqualTo("\u001b[2m/x\u001b[0m");
        assertThat(Palette.ANSI.function("f")).isEqualTo("\u001b[32mf\u001b[0m");
        assertThat(Palette.ANSI.file("t.py")).isEqualTo("\u001b[36mt.py\u001b[0m");
        assertThat(Palette.ANSI.line("4")).isEqualTo("\u001b[2m4\u001b[0m");
        assertThat(Palette.PLAIN.id("7")).isEqualTo("7");
    }
}
