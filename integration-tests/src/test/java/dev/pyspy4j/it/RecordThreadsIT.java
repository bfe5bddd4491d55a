// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which threads a profile holds with {@code --gil} and {@code --threads}, against every interpreter. */
@EnabledOnOs(OS.LINUX)
class RecordThreadsIT {
    private static final Pattern THREAD_FRAME = Pattern.compile("thread \\((\\d+)\\): (.+)");

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
    void gilKeepsOnlyTheThreadHoldingIt(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("spin_and_sleep.py"));

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "gil.txt", "-d", "2", "--gil", "--idle");
        if (Interpreters.freeThreaded(python)) {
            // No GIL to hold: refused in one line, before any output is written.
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.err().lines().filter(line -> line.startsWith("pyspy4j record: "))).as(result.describe())
                    .containsExactly("pyspy4j record: --gil: Python " + Interpreters.versionOf(python)
                            + " in process " + target.pid() + " is a free-threaded build, which has no GIL; leave"
                            + " out --gil (idle threads are left out without it too); try 'pyspy4j record --help'");
            assertThat(work.resolve("gil.txt")).doesNotExist();
            return;
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("gil.txt"));
        assertThat(profile.withLeaf("spin")).as(profile.toString()).isPositive();
        // Even with --idle, which keeps sleeping threads, neither sleeper ever holds the GIL.
        assertThat(profile.withFunction("sleeper")).as(profile.toString()).isZero();
        assertThat(profile.count(stack -> stack.size() == 1)).as("main thread, in <module>").isZero();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void threadsRootEveryStackInItsOsThreadAndName(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("spin_and_sleep.py"));
        List<String> tids = TaskIds.of(target.pid());

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "threads.txt", "-d", "1", "--threads", "--idle");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("threads.txt"));
        assertThat(profile.stacks().keySet()).as(profile.toString()).allSatisfy(stack -> {
            Matcher root = THREAD_FRAME.matcher(stack.get(0));
            assertThat(root.matches()).as("root frame '%s'", stack.get(0)).isTrue();
            assertThat(tids).contains(root.group(1));
            String expectedName = stack.get(stack.size() - 1).startsWith("spin (") ? "Spinner"
                    : stack.get(stack.size() - 1).startsWith("sleeper (") ? "Sleeper" : "MainThread";
            assertThat(root.group(2)).as(String.join(";", stack)).isEqualTo(expectedName);
        });
        assertThat(profile.stacks().keySet().stream().map(stack -> stack.get(0)).distinct())
                .as("one root per thread").hasSize(3).contains("thread (" + target.pid() + "): MainThread");
    }
}
