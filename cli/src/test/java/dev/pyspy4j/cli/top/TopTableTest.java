// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleFailure;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The statistics of {@code top}: what is counted, over which period, as which share. */
class TopTableTest {
    private static final long MS = 1_000_000L;
    private static final double EXACT = 1e-9;

    private static final LongFunction<FilenameShortener> FULL_NAMES = pid -> FilenameShortener.keepingFullNames();

    private final TopTable table = new TopTable(new TraceFilter(false, false), FULL_NAMES, new LagMonitor(100, 0));
    private long elapsed;

    private static StackTrace busy(long threadId, boolean gil, String... leafFirstNames) {
        return thread(1, threadId, "T" + threadId, threadId, true, gil, Arrays.stream(leafFirstNames)
                .map(name -> frame(name, "/app/t.py", name.length())).toArray(Frame[]::new));
    }

    /** A sample {@code stepMillis} after the previous one. */
    private void sample(long stepMillis, StackTrace... traces) {
        elapsed += stepMillis * MS;
        table.accept(new Sample(elapsed, List.of(traces), List.of(), 0, 0));
    }

    /** A sample {@code stepMillis} after the previous one, in which the process could not be read. */
    private void fail(long stepMillis, String why) {
        elapsed += stepMillis * MS;
        table.accept(new Sample(elapsed, List.of(), List.of(new SampleFailure(1,
                new SpyException(FailureKind.MEMORY_READ, why))), 0, 0));
    }

    private static Map<String, TopRow> rows(TopView view) {
        return view.rows().stream().collect(Collectors.toMap(row -> row.id().label(), Function.identity()));
    }

    @Test
    void aRecursiveFunctionCountsOncePerStackTowardsItsTotal() {
        sample(10, busy(1, true, "fib", "fib", "fib", "main"));
        table.roll();

        Map<String, TopRow> rows = rows(table.view(SortColumn.OWN_TIME, false));

        assertThat(rows.get("fib (/app/t.py)").totalPercent()).isCloseTo(100, within(EXACT));
        assertThat(rows.get("fib (/app/t.py)").ownPercent()).isCloseTo(100, within(EXACT));
        assertThat(rows.get("fib (/app/t.py)").totalSeconds()).isCloseTo(0.010, within(EXACT));
        assertThat(rows.get("main (/app/t.py)").ownPercent()).isZero();
        assertThat(rows.get("main (/app/t.py)").totalPercent()).isCloseTo(100, within(EXACT));
    }

    @Test
    void linesOfOneFunctionAreOneRowByFunctionAndOneRowEachByLine() {
        StackTrace atLine4 = thread(1, 1, "T", 1, true, false, frame("work", "/app/t.py", 4),
                frame("<module>", "/app/t.py", 9));
        StackTrace atLine6 = thread(1, 1, "T", 1, true, false, frame("work", "/app/t.py", 6),
                frame("<module>", "/app/t.py", 9));
        sample(10, atLine4);
        sample(10, atLine4);
        sample(10, atLine6);
        table.roll();

        assertThat(table.view(SortColumn.OWN_TIME, false).rows()).extracting(row -> row.id().label())
                .containsExactly("work (/app/t.py)", "<module> (/app/t.py)");
        TopView byLine = table.view(SortColumn.OWN_TIME, true);
        assertThat(byLine.byLine()).isTrue();
        assertThat(byLine.rows()).extracting(row -> row.id().label())
                .containsExactly("work (/app/t.py:4)", "work (/app/t.py:6)", "<module> (/app/t.py:9)");
        assertThat(rows(byLine).get("work (/app/t.py:4)").ownPercent()).isCloseTo(200.0 / 3, within(EXACT));
        assertThat(rows(byLine).get("<module> (/app/t.py:9)").totalSeconds()).isCloseTo(0.030, within(EXACT));
    }

    @Test
    void withSeveralThreadsOwnSharesAddUpToAHundredAndTotalsStayWithinIt() {
        for (int i = 0; i < 4; i++) {
            sample(10, busy(1, true, "spin", "run"), busy(2, false, "hash", "run"), busy(3, false, "hash",
                    "handle", "run"));
        }
        table.roll();

        TopView view = table.view(SortColumn.OWN_PERCENT, false);
        Map<String, TopRow> rows = rows(view);

        assertThat(view.rows().stream().mapToDouble(TopRow::ownPercent).sum()).isCloseTo(100, within(EXACT));
        assertThat(rows.get("hash (/app/t.py)").ownPercent()).isCloseTo(200.0 / 3, within(EXACT));
        assertThat(rows.get("spin (/app/t.py)").ownPercent()).isCloseTo(100.0 / 3, within(EXACT));
        assertThat(rows.get("run (/app/t.py)").totalPercent()).isCloseTo(100, within(EXACT));
        assertThat(rows.get("handle (/app/t.py)").totalPercent()).isCloseTo(100.0 / 3, within(EXACT));
        assertThat(rows.get("hash (/app/t.py)").ownSeconds()).as("two threads for 40 ms")
                .isCloseTo(0.080, within(EXACT));
        assertThat(view.threads()).isEqualTo(3);
        assertThat(view.runningThreads()).isCloseTo(3, within(EXACT));
        assertThat(view.activePercent()).isCloseTo(100, within(EXACT));
        assertThat(view.gilPercent()).isCloseTo(100, within(EXACT));
    }

    @Test
    void samplesWeighTheWallTimeSinceThePreviousOne() {
        sample(10, busy(1, true, "fast"));
        sample(30, busy(1, true, "slow"));
        table.roll();

        Map<String, TopRow> rows = rows(table.view(SortColumn.OWN_TIME, false));

        assertThat(rows.get("slow (/app/t.py)").ownSeconds()).isCloseTo(0.030, within(EXACT));
        assertThat(rows.get("slow (/app/t.py)").ownPercent()).isCloseTo(75, within(EXACT));
        assertThat(rows.get("fast (/app/t.py)").ownPercent()).isCloseTo(25, within(EXACT));
    }

    @Test
    void sharesCoverTheLastClosedIntervalAndTimesEverything() {
        sample(10, busy(1, true, "early"));
        table.roll();
        sample(10, busy(1, false, "late"));
        sample(10, busy(1, false, "late"));

        Map<String, TopRow> beforeRoll = rows(table.view(SortColumn.OWN_TIME, false));
        assertThat(beforeRoll.get("early (/app/t.py)").ownPercent()).isCloseTo(100, within(EXACT));
        assertThat(beforeRoll.get("late (/app/t.py)").ownPercent()).isZero();
        assertThat(beforeRoll.get("late (/app/t.py)").ownSeconds()).isCloseTo(0.020, within(EXACT));

        table.roll();
        TopView view = table.view(SortColumn.OWN_TIME, false);
        assertThat(rows(view).get("early (/app/t.py)").ownPercent()).isZero();
        assertThat(rows(view).get("early (/app/t.py)").ownSeconds()).isCloseTo(0.010, within(EXACT));
        assertThat(rows(view).get("late (/app/t.py)").ownPercent()).isCloseTo(100, within(EXACT));
        assertThat(view.samples()).isEqualTo(3);
        assertThat(view.windowSamples()).isEqualTo(2);
        assertThat(view.gilPercent()).isZero();
    }

    @Test
    void resetForgetsEverything() {
        sample(10, busy(1, true, "spin"));
        fail(10, "torn read");
        table.roll();

        table.reset();
        TopView view = table.view(SortColumn.OWN_TIME, false);

        assertThat(view.rows()).isEmpty();
        assertThat(view.samples()).isZero();
        assertThat(view.failedSamples()).isZero();
        assertThat(view.lastError()).isEmpty();
        assertThat(view.windowSamples()).isZero();
    }

    @Test
    void failedSamplesGiveTheErrorRateAndTheLastErrorAndSayNothingAboutThreads() {
        sample(10, busy(1, true, "spin"));
        fail(10, "torn read at 0x10");
        sample(20, busy(1, true, "spin"));
        sample(10, busy(1, true, "spin"));
        table.roll();

        TopView view = table.view(SortColumn.OWN_TIME, false);

        assertThat(view.samples()).isEqualTo(4);
        assertThat(view.failedSamples()).isEqualTo(1);
        assertThat(view.errorPercent()).isCloseTo(25, within(EXACT));
        assertThat(view.lastError()).contains("torn read at 0x10");
        assertThat(view.gilPercent()).as("the failed sample's time is unknown, not GIL-less")
                .isCloseTo(100, within(EXACT));
        assertThat(rows(view).get("spin (/app/t.py)").ownSeconds()).isCloseTo(0.040, within(EXACT));
    }

    @Test
    void idleThreadsCountOnlyWithIdleAndTheGilFilterKeepsItsHolder() {
        StackTrace idle = thread(1, 2, "Sleeper", 2, false, false, frame("sleep", "/app/t.py", 3));
        StackTrace holder = busy(1, true, "spin");
        StackTrace waiter = busy(3, false, "wait_for_gil");
        TopTable withIdle = new TopTable(new TraceFilter(true, false), FULL_NAMES, new LagMonitor(100, 0));
        TopTable gilOnly = new TopTable(new TraceFilter(false, true), FULL_NAMES, new LagMonitor(100, 0));
        for (TopTable each : List.of(table, withIdle, gilOnly)) {
            each.accept(new Sample(10 * MS, List.of(idle, holder, waiter), List.of(), 0, 0));
            each.roll();
        }

        assertThat(labels(table)).containsExactlyInAnyOrder("spin (/app/t.py)", "wait_for_gil (/app/t.py)");
        assertThat(labels(withIdle)).containsExactlyInAnyOrder("spin (/app/t.py)", "wait_for_gil (/app/t.py)",
                "sleep (/app/t.py)");
        assertThat(labels(gilOnly)).containsExactly("spin (/app/t.py)");
        TopView view = withIdle.view(SortColumn.OWN_PERCENT, false);
        assertThat(rows(view).get("sleep (/app/t.py)").ownPercent()).isCloseTo(100.0 / 3, within(EXACT));
        assertThat(view.runningThreads()).as("two of the three threads run").isCloseTo(2, within(EXACT));
        assertThat(view.threads()).isEqualTo(3);
    }

    private static List<String> labels(TopTable table) {
        return table.view(SortColumn.OWN_TIME, false).rows().stream().map(row -> row.id().label()).toList();
    }

    @Test
    void activeIsTheShareOfTimeInWhichAnyThreadRan() {
        StackTrace idle = thread(1, 2, "Sleeper", 2, false, false, frame("sleep", "/app/t.py", 3));
        sample(10, idle, busy(1, false, "spin"));
        sample(10, idle);
        sample(10, idle);
        sample(10, idle, busy(1, true, "spin"));
        table.roll();

        TopView view = table.view(SortColumn.OWN_TIME, false);

        assertThat(view.activePercent()).isCloseTo(50, within(EXACT));
        assertThat(view.gilPercent()).isCloseTo(25, within(EXACT));
        assertThat(view.runningThreads()).isCloseTo(0.5, within(EXACT));
        assertThat(view.threads()).isEqualTo(2);
    }

    @Test
    void aSampleThatReadNothingCountsOnlyOnceAnotherFollows() {
        sample(10, busy(1, true, "spin"), busy(2, false, "wait"));
        sample(10);
        table.roll();
        TopView afterEmpty = table.view(SortColumn.OWN_TIME, false);
        sample(10, busy(1, true, "spin"));
        table.roll();
        TopView afterNext = table.view(SortColumn.OWN_TIME, false);

        assertThat(afterEmpty.samples()).as("the exited process's last sample is no sample").isEqualTo(1);
        assertThat(afterEmpty.threads()).isEqualTo(2);
        assertThat(afterEmpty.gilPercent()).isCloseTo(100, within(EXACT));
        assertThat(afterNext.samples()).isEqualTo(3);
        assertThat(afterNext.threads()).isEqualTo(1);
        assertThat(afterNext.gilPercent()).as("the empty sample read no GIL holder").isCloseTo(50, within(EXACT));
    }

    @Test
    void processesAreTheDistinctPidsOfTheLatestSample() {
        StackTrace parent = thread(10, 1, "MainThread", 10, true, true, frame("serve", "/app/t.py", 3));
        StackTrace child = thread(11, 1, "MainThread", 11, true, true, frame("work", "/app/t.py", 5));
        sample(10, parent, child, busy(1, false, "x"));
        table.roll();

        assertThat(table.view(SortColumn.OWN_TIME, false).processes()).isEqualTo(3);
        assertThat(table.view(SortColumn.OWN_TIME, false).threads()).isEqualTo(3);
    }

    @Test
    void aStalledTickWarnsDuringTheIntervalItFellIn() {
        sample(10, busy(1, true, "spin"));
        table.roll();
        assertThat(table.view(SortColumn.OWN_TIME, false).lag()).isEmpty();

        elapsed += 2_000 * MS;
        table.accept(new Sample(elapsed, List.of(busy(1, true, "spin")), List.of(), 1_500 * MS, 150));
        table.roll();
        assertThat(table.view(SortColumn.OWN_TIME, false).lag()).hasValueSatisfying(lag ->
                assertThat(lag.stallNanos()).isEqualTo(1_500 * MS));

        sample(10, busy(1, true, "spin"));
        table.roll();
        assertThat(table.view(SortColumn.OWN_TIME, false).lag()).isEmpty();
    }
}
