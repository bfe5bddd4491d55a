// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.cli.dump.Palette;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Lines and the status line on standard error, on a terminal and off it. */
class RecordConsoleTest {
    private final StringWriter err = new StringWriter();

    private RecordConsole console(boolean terminal) {
        return new RecordConsole(new PrintWriter(err), terminal, "pyspy4j record");
    }

    @Test
    void ownLinesArePrefixedAndWarningsNameTheCommand() {
        RecordConsole console = console(false);

        console.info("Sampling process 100 times a second. Press Control-C to exit.");
        console.warning("python 3.15.0a1 is newer than any tested version");

        assertThat(err.toString()).isEqualTo("""
                pyspy4j> Sampling process 100 times a second. Press Control-C to exit.
                pyspy4j record: warning: python 3.15.0a1 is newer than any tested version
                """);
    }

    @Test
    void noStatusLineWithoutATerminal() {
        RecordConsole console = console(false);
        ProgressLine progress = new ProgressLine(console, OptionalLong.of(10), true);

        progress.update(1_000_000_000L, 100, 0);
        progress.finish();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theStatusLineIsRedrawnInPlaceAndClearedBeforeOtherLines() {
        RecordConsole console = console(true);
        ProgressLine progress = new ProgressLine(console, OptionalLong.of(10), true);

        progress.update(1_000_000_000L, 100, 0);
        console.warning("late");
        progress.update(1_500_000_000L, 150, 2);
        progress.finish();

        assertThat(err.toString()).isEqualTo("\r\u001b[Kpyspy4j> Sampling: 1.0 s / 10 s, 100 stacks, 0 errors"
                + "\r\u001b[Kpyspy4j record: warning: late\n"
                + "\r\u001b[Kpyspy4j> Sampling: 1.5 s / 10 s, 150 stacks, 2 errors"
                + "\r\u001b[K");
    }

    @Test
    void theStatusLineIsRedrawnAtMostFiveTimesASecond() {
        RecordConsole console = console(true);
        ProgressLine progress = new ProgressLine(console, OptionalLong.empty(), true);

        for (long ms = 0; ms < 1_000; ms++) {
            progress.update(ms * 1_000_000L, ms, 0);
        }

        assertThat(err.toString().split("\r\u001b\\[K", -1)).hasSize(1 + 5);
        assertThat(err.toString()).contains("Sampling: 0.8 s, 800 stacks, 0 errors");
    }

    @Test
    void thePrefixIsColouredWhenStandardErrorTakesColours() {
        RecordConsole console = new RecordConsole(new PrintWriter(err), true, "pyspy4j record", Palette.ANSI);

        console.info("Wrote flamegraph");
        console.warning("late");

        assertThat(err.toString()).isEqualTo("\u001b[32m\u001b[1mpyspy4j>\u001b[0m Wrote flamegraph\n"
                + "pyspy4j record: warning: late\n");
    }

    @Test
    void aHiddenStatusLineIsNeverDrawn() {
        ProgressLine progress = new ProgressLine(console(true), OptionalLong.empty(), false);

        progress.update(1_000_000_000L, 1, 0);

        assertThat(err.toString()).isEmpty();
    }
}
