// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.engine.SampledProcess;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Lays out {@code top}'s screen as styled lines, without a terminal: the header (what is sampled, the sample
 * count and error rate, GIL and activity), the help panel when asked for, the table, and a footer on the last
 * line. A screen is exactly {@code height} lines, each at most {@code width} columns (wide characters count two);
 * a snapshot, for output that is not a terminal, is the header and the first rows at full length.
 */
public final class TopRenderer {
    /** Rows of a snapshot: a screenful, enough to see what is hot without flooding a log. */
    static final int SNAPSHOT_ROWS = 25;
    private static final String FOOTER = "Press Control-C or q to quit, or ? for help.";

    private final SampledProcess subject;
    private final String interval;

    /**
     * @param delaySeconds the refresh interval, which the help panel names
     */
    public TopRenderer(SampledProcess subject, double delaySeconds) {
        this.subject = subject;
        this.interval = BigDecimal.valueOf(delaySeconds).stripTrailingZeros().toPlainString() + " s";
    }

    public List<AttributedString> screen(TopView view, ScreenState state, int width, int height) {
        List<AttributedString> lines = new ArrayList<>(header(view));
        lines.add(AttributedString.EMPTY);
        if (state.helpShown()) {
            HelpText.lines(interval).forEach(line -> lines.add(new AttributedString(line)));
            lines.add(AttributedString.EMPTY);
        }
        lines.add(TableFormat.heading(state.sort(), view.byLine(), width));
        int room = height - lines.size() - 1;
        view.rows().stream().limit(Math.max(0, room)).forEach(row -> lines.add(TableFormat.row(row)));
        while (lines.size() < height - 1) {
            lines.add(AttributedString.EMPTY);
        }
        lines.add(new AttributedString(FOOTER));
        return lines.stream().limit(Math.max(0, height)).map(line -> line.columnSubSequence(0, width)).toList();
    }

    public List<AttributedString> snapshot(TopView view, SortColumn sort) {
        List<AttributedString> lines = new ArrayList<>(header(view));
        lines.add(AttributedString.EMPTY);
        lines.add(TableFormat.heading(sort, view.byLine(), 0));
        view.rows().stream().limit(SNAPSHOT_ROWS).forEach(row -> lines.add(TableFormat.row(row)));
        return lines;
    }

    private List<AttributedString> header(TopView view) {
        List<AttributedString> lines = new ArrayList<>();
        view.lag().ifPresent(lag -> lines.add(styled(RecordMessages.behind(lag), AttributedStyle.RED)));
        lines.add(new AttributedString("Collecting samples from '" + shownCommand(subject) + "' (python v"
                + subject.version() + (subject.freeThreaded() ? " free-threaded" : "") + ", pid " + subject.pid()
                + ")"));
        subject.warnings().forEach(warning -> lines.add(styled("warning: " + warning, AttributedStyle.YELLOW)));
        String errors = view.failedSamples() == 0 ? "" : String.format(Locale.ROOT, ", Error Rate %.2f%% (%s)",
                view.errorPercent(), view.lastError().orElse("no message"));
        lines.add(new AttributedString("Total Samples " + view.samples() + errors));
        // A free-threaded build has no GIL: a share of 0 would read as a GIL nobody holds.
        String gil = subject.freeThreaded() ? "n/a" : String.format(Locale.ROOT, "%.2f%%", view.gilPercent());
        lines.add(new AttributedString(String.format(Locale.ROOT,
                "GIL: %s, Active: %.2f%% (%.2f threads running), Threads: %d%s", gil,
                view.activePercent(), view.runningThreads(), view.threads(),
                view.processes() > 1 ? ", Processes: " + view.processes() : "")));
        return lines;
    }

    private static AttributedString styled(String text, int colour) {
        return new AttributedString(text, AttributedStyle.DEFAULT.foreground(colour));
    }

    /** The command line as one string, or the pid when the command line is unknown. */
    private static String shownCommand(SampledProcess subject) {
        return subject.commandLine().isEmpty() ? "process " + subject.pid() : String.join(" ", subject.commandLine());
    }
}
