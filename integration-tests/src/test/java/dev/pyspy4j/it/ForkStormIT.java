// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target that starts short-lived Python children as fast as it can ({@code fork_storm.py}: a {@code python -c}
 * child at a time and, meanwhile, {@code os.fork()} children that live a millisecond or two), recorded with
 * {@code --subprocesses} at 200 Hz for 3 s: the run ends normally with its summary, every stack it counts is in the
 * file, the parent is sampled throughout, children are caught although most are gone before they are found (at their
 * own functions in some runs: most are read while their interpreter starts up), failed reads stay a minority, and
 * neither the target nor any child is left stopped. Run alone: the storm keeps both cores of the machine busy.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class ForkStormIT {
    private static final Pattern SUMMARY = Pattern.compile("Wrote raw flamegraph data to 'storm\\.txt'\\. Samples:"
            + " (\\d+) stacks in (\\d+) rounds \\(([0-9.]+) rounds/s of 200 asked\\), errors: (\\d+)");
    private static final Pattern PROCESSES_READ = Pattern.compile("Processes read: (\\d+)");

    /**
     * Stacks in the children's own functions, over every interpreter: a child is mostly read while the interpreter
     * starts up (its stacks in {@code site.py} and importlib), so one run may catch none at its work.
     */
    private static final AtomicLong CHILD_FUNCTION_STACKS = new AtomicLong();

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

    @AfterAll
    static void childrenWereCaughtAtTheirWork() {
        assertThat(CHILD_FUNCTION_STACKS.get()).as("stacks in forked_child or popen_child, all interpreters")
                .isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void recordWithSubprocessesFollowsAStormOfShortLivedChildren(Path python) throws Exception {
        PublishedCount started = new PublishedCount(work.resolve("started.txt"));
        Process target = targets.startPythonTree(python, Interpreters.script("fork_storm.py"),
                started.file().toString());
        long startedBefore = started.read();
        long start = System.nanoTime();

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-s", "-r", "200", "-d",
                "3", "--idle", "-f", "raw", "-o", "storm.txt");

        double seconds = (System.nanoTime() - start) / 1e9;
        long startedAfter = started.read();
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher summary = SUMMARY.matcher(result.err());
        assertThat(summary.find()).as(result.describe()).isTrue();
        long stacks = Long.parseLong(summary.group(1));
        long rounds = Long.parseLong(summary.group(2));
        long errors = Long.parseLong(summary.group(4));
        RawProfile profile = RawProfile.read(work.resolve("storm.txt"));
        long forked = profile.withFunction("forked_child");
        long spawned = profile.withFunction("popen_child");
        String parent = "process " + target.pid() + ":";
        long ofChildren = profile.count(stack -> stack.size() >= 2 && stack.get(0).startsWith(parent)
                && stack.get(1).startsWith("process "));
        CHILD_FUNCTION_STACKS.addAndGet(forked + spawned);
        Matcher processes = PROCESSES_READ.matcher(result.err());
        System.out.printf("%s: %.0f children started a second while recording; %s rounds/s, %d errors of %d rounds;"
                        + " %s processes read; %d stacks of children, in forked_child %d, in popen_child %d%n", python,
                (startedAfter - startedBefore) / seconds, summary.group(3), errors, rounds,
                processes.find() ? processes.group(1) : "?", ofChildren, forked, spawned);

        assertThat(startedAfter - startedBefore).as("children started while recording").isPositive();
        assertThat(profile.total()).as("stacks in the file, as the summary counts them").isEqualTo(stacks);
        assertThat(errors).as("failed rounds, of %d", rounds).isLessThan(rounds / 2);
        assertThat(profile.count(stack -> stack.size() >= 2 && stack.get(0).startsWith(parent)
                && stack.get(1).startsWith("<module> (") && stack.stream().anyMatch(frame -> frame.startsWith(
                "storm (")))).as("the parent's own stacks: %s", profile.labels()).isPositive();
        assertThat(ofChildren).as("stacks of children: %s", profile.labels()).isPositive();
        assertThat(ProcState.stoppedInGroup(target.pid())).as("stopped processes of the tree").isEmpty();
        started.awaitAbove(startedAfter, "the target starts children again after the record");
        assertThat(ProcState.stoppedInGroup(target.pid())).as("stopped processes of the tree").isEmpty();
    }
}
