// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads that come and go (hundreds a second when nothing samples the target) while {@code record} samples at
 * 1000 Hz: the run ends normally with its summary, every stack it counts is in the file, short-lived threads are
 * caught beside the one that never stops, a round that fails (a thread ending while it is read) is counted rather
 * than shown, and the target runs on, not left stopped.
 */
class ThreadChurnIT {
    private static final Pattern SUMMARY = Pattern.compile("Wrote raw flamegraph data to 'churn\\.txt'\\. Samples:"
            + " (\\d+) stacks in (\\d+) rounds \\([0-9.]+ rounds/s of 1000 asked\\), errors: (\\d+)");
    /**
     * The script publishes its count after each batch of this many threads; at least one batch must come and go
     * while the record runs. Unsampled, the script starts 400 (2.7) to 1,400 (3.15) threads a second here; while a
     * 1000 Hz record pauses it for every round, far fewer (the rates are printed), the free-threaded builds about 15.
     */
    private static final long BATCH = 10;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void recordAtAThousandHertzCountsWhatItCouldNotReadAndKeepsTheRest(Path python) throws Exception {
        PublishedCount started = new PublishedCount(work.resolve("started.txt"));
        Process target = targets.startPython(python, Interpreters.script("thread_churn.py"),
                started.file().toString());
        long startedBefore = started.read();
        long start = System.nanoTime();

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "churn.txt", "-r", "1000", "-d", "3", "--idle");

        double seconds = (System.nanoTime() - start) / 1e9;
        long startedAfter = started.read();
        System.out.printf("%s: %.0f threads started a second while recording; %s%n", python,
                (startedAfter - startedBefore) / seconds, result.err().lines()
                        .filter(line -> line.contains("Samples:")).findFirst().orElse("no summary"));
        assertThat(startedAfter - startedBefore).as("threads started and joined while recording")
                .isGreaterThanOrEqualTo(BATCH);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher summary = SUMMARY.matcher(result.err());
        assertThat(summary.find()).as(result.describe()).isTrue();
        long stacks = Long.parseLong(summary.group(1));
        long rounds = Long.parseLong(summary.group(2));
        long errors = Long.parseLong(summary.group(3));
        RawProfile profile = RawProfile.read(work.resolve("churn.txt"));
        assertThat(profile.total()).as("stacks in the file, as the summary counts them").isEqualTo(stacks);
        assertThat(errors).as("failed rounds, of %d", rounds).isLessThan(rounds / 2);
        assertThat(profile.withLeaf("steady")).as(profile.toString()).isPositive();
        assertThat(profile.withFunction("short_lived")).as(profile.toString()).isPositive();
        assertThat(profile.count(stack -> stack.stream().anyMatch(frame -> frame.startsWith("short_lived ("))
                && stack.stream().noneMatch(frame -> frame.contains("threading.py"))))
                .as("short-lived threads' stacks rooted in threading's bootstrap: %s", profile).isZero();
        assertThat(ProcState.of(target.pid())).isNotIn('t', 'T');
        started.awaitAbove(startedAfter, "the target starts threads again after the record");
    }
}
