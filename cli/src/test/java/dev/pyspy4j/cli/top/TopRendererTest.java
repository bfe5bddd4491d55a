// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.SampledProcess;
import dev.pyspy4j.engine.sampling.Lag;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** The lines of {@code top}'s screen and snapshots, for given sizes. */
class TopRendererTest {
    private static final SampledProcess SUBJECT = new SampledProcess(6685, List.of("python3", "app.py", "--port", "80"),
            PythonVersion.of(3, 11, 7), List.of());
    private static final TopRow SPIN = new TopRow(new FunctionId("spin", "app.py", 0), 75, 75, 12.5, 12.5);
    private static final TopRow MAIN = new TopRow(new FunctionId("<module>", "app.py", 0), 0, 100, 0.004, 250.0);

    private final TopRenderer renderer = new TopRenderer(SUBJECT, 1.0);

    private static TopView view(List<TopRow> rows) {
        return new TopView(1234, 0, Optional.empty(), 100, 45.5, 98.25, 1.96, 3, 1, Optional.empty(), false, rows);
    }

    private static List<String> plain(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    @Test
    void aScreenIsTheHeaderTheTableAndTheFooterOnTheLastLine() {
        List<String> lines = plain(renderer.screen(view(List.of(SPIN, MAIN)), new ScreenState(), 100, 12));

        assertThat(lines).containsExactly(
                "Collecting samples from 'python3 app.py --port 80' (python v3.11.7, pid 6685)",
                "Total Samples 1234",
                "GIL: 45.50%, Active: 98.25% (1.96 threads running), Threads: 3",
                "",
                "    %Own  %Total *OwnTime  TotalTime  Function (filename)" + " ".repeat(100 - 57),
                "  75.00%  75.00%   12.50s     12.50s  spin (app.py)",
                "   0.00% 100.00%   0.004s     250.0s  <module> (app.py)",
                "", "", "", "",
                "Press Control-C or q to quit, or ? for help.");
    }

    @Test
    void everyLineFitsTheWidthAndTheScreenHasExactlyTheHeight() {
        TopRow deep = new TopRow(new FunctionId("handle_request_with_a_long_name",
                "/srv/app/lib/python3.11/site-packages/framework/handlers/base.py", 0), 1, 1, 1, 1);
        List<TopRow> many = IntStream.range(0, 50).mapToObj(i -> deep).toList();

        for (int[] size : new int[][] {{40, 10}, {80, 24}, {120, 40}, {20, 3}}) {
            List<AttributedString> lines = renderer.screen(view(many), new ScreenState(), size[0], size[1]);

            assertThat(lines).hasSize(size[1]);
            assertThat(lines).allSatisfy(line -> assertThat(line.columnLength()).isLessThanOrEqualTo(size[0]));
        }
        List<String> narrow = plain(renderer.screen(view(many), new ScreenState(), 60, 10));
        assertThat(narrow.get(5)).isEqualTo("   1.00%   1.00%    1.00s      1.00s  handle_request_with_a_");
        assertThat(narrow.get(9)).isEqualTo("Press Control-C or q to quit, or ? for help.");
        assertThat(narrow.subList(5, 9)).as("rows fill the room between header and footer").allMatch(
                line -> line.startsWith("   1.00%"));
    }

    @Test
    void wideCharactersCountTwoColumnsAndAreNeverCutInHalf() {
        TopRow wide = new TopRow(new FunctionId("関数", "名前.py", 0), 50, 50, 1, 1);

        AttributedString whole = renderer.screen(view(List.of(wide)), new ScreenState(), 60, 8).get(5);
        AttributedString cut = renderer.screen(view(List.of(wide)), new ScreenState(), 41, 8).get(5);

        assertThat(whole.toString()).isEqualTo("  50.00%  50.00%    1.00s      1.00s  関数 (名前.py)");
        assertThat(whole.columnLength()).isEqualTo(38 + 14);
        assertThat(cut.toString()).isEqualTo("  50.00%  50.00%    1.00s      1.00s  関");
        assertThat(cut.columnLength()).isEqualTo(40);
    }

    @Test
    void theSortColumnIsMarkedAndBoldAndTheHeadingIsInReverseVideo() {
        ScreenState state = new ScreenState();
        state.press('2');

        AttributedString heading = renderer.screen(view(List.of(SPIN)), state, 70, 8).get(4);

        assertThat(heading.toString()).startsWith("    %Own *%Total  OwnTime  TotalTime  Function (filename)");
        assertThat(heading.styleAt(9)).isEqualTo(AttributedStyle.INVERSE.bold());
        assertThat(heading.styleAt(2)).isEqualTo(AttributedStyle.INVERSE);
        assertThat(heading.styleAt(69)).as("the bar spans the width").isEqualTo(AttributedStyle.INVERSE);
    }

    @Test
    void lineModeNamesItsColumnAndItsRowsCarryTheLine() {
        TopRow line = new TopRow(new FunctionId("spin", "app.py", 42), 100, 100, 2, 2);
        TopView byLine = new TopView(10, 0, Optional.empty(), 10, 0, 100, 1, 1, 1, Optional.empty(), true,
                List.of(line));

        List<String> lines = plain(renderer.screen(byLine, new ScreenState(), 80, 8));

        assertThat(lines.get(4)).contains("Function (filename:line)");
        assertThat(lines.get(5)).endsWith("  spin (app.py:42)");
    }

    @Test
    void errorsLagProcessesAndWarningsJoinTheHeader() {
        SampledProcess warned = new SampledProcess(7, List.of(), PythonVersion.of(3, 15, 0),
                List.of("CPython 3.15.0 is newer than any this reader was tested on"));
        TopView troubled = new TopView(200, 3, Optional.of("process 7: torn read"), 100, 10, 20, 0.2, 4, 2,
                Optional.of(new Lag(0, 100, 2_500_000_000L)), false, List.of());

        List<AttributedString> lines = new TopRenderer(warned, 0.5).screen(troubled, new ScreenState(), 200, 10);

        assertThat(plain(lines).subList(0, 5)).containsExactly(
                "2.50 s behind in sampling, results may be inaccurate; try reducing the sampling rate",
                "Collecting samples from 'process 7' (python v3.15.0, pid 7)",
                "warning: CPython 3.15.0 is newer than any this reader was tested on",
                "Total Samples 200, Error Rate 1.50% (process 7: torn read)",
                "GIL: 10.00%, Active: 20.00% (0.20 threads running), Threads: 4, Processes: 2");
        assertThat(lines.get(0).styleAt(0)).isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
        assertThat(lines.get(2).styleAt(0)).isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    @Test
    void aFreeThreadedTargetIsNamedSoAndHasNoGilShare() {
        SampledProcess freeThreaded = new SampledProcess(9, List.of("python3.13t", "app.py"),
                PythonVersion.of(3, 13, 5), List.of(), true);

        List<String> lines = plain(new TopRenderer(freeThreaded, 1.0).screen(view(List.of(SPIN)), new ScreenState(),
                100, 8));

        assertThat(lines.subList(0, 3)).containsExactly(
                "Collecting samples from 'python3.13t app.py' (python v3.13.5 free-threaded, pid 9)",
                "Total Samples 1234",
                "GIL: n/a, Active: 98.25% (1.96 threads running), Threads: 3");
    }

    @Test
    void theHelpPanelSaysWhatThePercentagesMeanAndLeavesRoomForRows() {
        ScreenState state = new ScreenState();
        state.press('?');

        List<String> lines = plain(new TopRenderer(SUBJECT, 2.5).screen(view(List.of(SPIN, MAIN)), state, 80, 30));

        assertThat(lines).hasSize(30);
        assertThat(lines.get(4)).startsWith("Keys: 1 to 4 sort by that column");
        assertThat(String.join("\n", lines)).contains("in the last 2.5 s", "adds up to 100%",
                "a recursive function counts once", "wall-clock seconds", "two threads running one");
        assertThat(lines).contains("  75.00%  75.00%   12.50s     12.50s  spin (app.py)");
        assertThat(HelpText.lines("1 s")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void aSnapshotIsTheHeaderAndTheFirstRowsAtFullLength() {
        TopRow deep = new TopRow(new FunctionId("f".repeat(150), "t.py", 0), 1, 1, 1, 1);
        List<TopRow> rows = IntStream.range(0, 40).mapToObj(i -> deep).toList();

        List<String> lines = plain(renderer.snapshot(view(rows), SortColumn.OWN_TIME));

        assertThat(lines).hasSize(3 + 1 + 1 + TopRenderer.SNAPSHOT_ROWS);
        assertThat(lines.get(4)).isEqualTo("    %Own  %Total *OwnTime  TotalTime  Function (filename)");
        assertThat(lines.get(5)).endsWith("f".repeat(150) + " (t.py)");
    }

    @Test
    void secondsHavePySpysPrecision() {
        assertThat(TableFormat.seconds(0.0123)).isEqualTo("0.012s");
        assertThat(TableFormat.seconds(1)).isEqualTo("1.00s");
        assertThat(TableFormat.seconds(99.994)).isEqualTo("99.99s");
        assertThat(TableFormat.seconds(100)).isEqualTo("100.0s");
        assertThat(TableFormat.seconds(1000)).isEqualTo("1000.0s");
        assertThat(TableFormat.seconds(1000.6)).isEqualTo("1001s");
    }
}
