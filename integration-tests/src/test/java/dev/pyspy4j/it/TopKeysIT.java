// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code top}'s keys and window in a real terminal, on pyenv's and Debian's 3.11: the sort keys reorder the table
 * and move the mark, L switches to lines, ? shows the help, and a resized window is laid out again.
 */
@EnabledOnOs(OS.LINUX)
class TopKeysIT {
    private final RunningProcesses targets = new RunningProcesses();

    static List<Path> pythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    private static Predicate<String> tableFilled() {
        return text -> TopScreenText.samples(text) >= 200 && TopScreenText.rows(text).size() >= 4;
    }

    private static String firstLabel(String screen) {
        return TopScreenText.rows(screen).get(0).label();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sortKeysReorderTheTableAndMoveTheMark(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("shares.py"));

        try (TmuxScreen screen = TmuxScreen.top(120, 40, "--pid", Long.toString(target.pid()), "--delay", "2",
                "--rate", "200")) {
            screen.await("the table", tableFilled());
            String byTotal = sortBy(screen, "2", "*%Total");
            String byOwn = sortBy(screen, "1", "*%Own");
            String byTotalTime = sortBy(screen, "4", "*TotalTime");
            String byOwnTime = sortBy(screen, "3", "*OwnTime");
            screen.keys("q");
            assertThat(screen.awaitEnd().status()).isZero();

            // The caller of everything leads by %Total and TotalTime and trails by own time, whatever the shares of
            // the three functions (which a busy machine skews).
            assertThat(firstLabel(byTotal)).as(byTotal).isEqualTo("<module> (shares.py)");
            assertThat(firstLabel(byTotalTime)).as(byTotalTime).isEqualTo("<module> (shares.py)");
            assertThat(lastLabel(byOwnTime)).as(byOwnTime).isEqualTo("<module> (shares.py)");
            assertSortedBy(byTotal, TopScreenText.Row::totalPercent);
            assertSortedBy(byOwn, TopScreenText.Row::ownPercent);
            assertSortedBy(byTotalTime, TopScreenText.Row::totalSeconds);
            assertSortedBy(byOwnTime, TopScreenText.Row::ownSeconds);
        }
    }

    private static String lastLabel(String screen) {
        List<TopScreenText.Row> rows = TopScreenText.rows(screen);
        return rows.get(rows.size() - 1).label();
    }

    /** The rows are in decreasing order of the column, as shown. */
    private static void assertSortedBy(String screen, ToDoubleFunction<TopScreenText.Row> column) {
        List<TopScreenText.Row> rows = TopScreenText.rows(screen);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(column.applyAsDouble(rows.get(i))).as(screen)
                    .isLessThanOrEqualTo(column.applyAsDouble(rows.get(i - 1)));
        }
    }

    /** Presses a sort key and returns the screen once the heading carries {@code mark}. */
    private static String sortBy(TmuxScreen screen, String key, String mark) throws Exception {
        screen.keys(key);
        return screen.await("the mark " + mark, text -> TopScreenText.heading(text).contains(" " + mark + " ")
                && TopScreenText.rows(text).size() >= 4);
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void lShowsLinesAndQuestionMarkTheHelp(Path python) throws Exception {
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        try (TmuxScreen screen = TmuxScreen.top(120, 40, "--pid", Long.toString(target.pid()))) {
            screen.await("the table", tableFilled());
            screen.keys("L");
            String byLine = screen.await("lines", text -> TopScreenText.heading(text)
                    .endsWith("Function (filename:line)"));
            screen.keys("?");
            String help = screen.await("the help", text -> text.contains("Keys: 1 to 4 sort"));
            screen.keys("x");
            String helpHidden = screen.await("no help", text -> !text.contains("Keys: 1 to 4 sort"));
            screen.keys("C-c");
            TmuxScreen.Ended ended = screen.awaitEnd();

            assertThat(TopScreenText.rows(byLine)).extracting(TopScreenText.Row::label).as(byLine).contains(
                    "fifty (shares.py:" + markers.line("fifty") + ")",
                    "thirty (shares.py:" + markers.line("thirty") + ")",
                    "<module> (shares.py:" + markers.line("call-fifty") + ")");
            assertThat(help).contains("%Own of all rows adds up to 100% however many threads there are",
                    "two threads running one");
            assertThat(TopScreenText.heading(helpHidden)).endsWith("Function (filename:line)");
            assertThat(ended.status()).as("Control-C quits").isZero();
            assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
        }
        assertThat(ProcState.ofThreads(target.pid())).doesNotContain('t', 'T');
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aResizedWindowIsLaidOutAgain(Path python) throws Exception {
        Path script = Interpreters.script("shares.py");
        Process target = targets.startPython(python, script);
        String label = "fifty (" + script + ")";
        int wide = Math.max(120, 38 + label.length() + 10);

        try (TmuxScreen screen = TmuxScreen.top(wide, 40, "--pid", Long.toString(target.pid()),
                "--full-filenames")) {
            String before = screen.await("the table", tableFilled());
            screen.resize(60, 15);
            String narrow = screen.await("a 60 by 15 screen", text -> footerOnLine(text, 15)
                    && TopScreenText.row(text, "fifty").isPresent());
            screen.resize(wide, 45);
            String widened = screen.await("a larger screen", text -> footerOnLine(text, 45)
                    && TopScreenText.row(text, "fifty").isPresent());
            screen.keys("q");
            assertThat(screen.awaitEnd().status()).isZero();

            assertThat(TopScreenText.row(before, "fifty").orElseThrow().label()).isEqualTo(label);
            assertThat(narrow.lines()).as(narrow).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
            assertThat(TopScreenText.row(narrow, "fifty").orElseThrow().label()).as(narrow)
                    .isEqualTo(label.substring(0, 60 - 38));
            assertThat(TopScreenText.row(widened, "fifty").orElseThrow().label()).as(widened).isEqualTo(label);
        }
    }

    /** Whether the footer is on line {@code number} (from 1): the screen has exactly that many lines. */
    private static boolean footerOnLine(String screen, int number) {
        List<String> lines = screen.lines().toList();
        return lines.size() >= number && lines.get(number - 1).startsWith("Press Control-C or q to quit");
    }
}
