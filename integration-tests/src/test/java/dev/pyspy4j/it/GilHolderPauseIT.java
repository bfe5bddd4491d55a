// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In blocking mode, where the GIL can be watched (3.7 and later, not free-threaded), a round stops only the thread
 * that last held the GIL: a thread blocked on an event is never woken by the sampler, as every round wakes it
 * where each thread must be stopped (older versions, free-threaded builds, {@code --native}, which needs every
 * thread's registers). Either way, no sampled stack is one that the program never had: workers that switch
 * between two call chains as fast as they can are never caught half in one and half in the other.
 */
class GilHolderPauseIT {
    private static final Pattern ROUNDS = Pattern.compile("Samples: \\d+ stacks in (\\d+) rounds");
    private static final long MIN_ROUNDS = 50;
    private static final long OPENING_WAKE_UPS = 10;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    static List<Path> python311() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aBlockingRecordLeavesThreadsWithoutTheGilAloneAndShowsOnlyStacksTheProgramHad(Path python)
            throws Exception {
        Recorded recorded = record(python);

        assertThat(recorded.rounds()).as("rounds to tell the two ways apart").isGreaterThanOrEqualTo(MIN_ROUNDS);
        if (watchesTheGil(python)) {
            // The record stops every thread a few times while it finds the interpreter, and for a round in
            // which the GIL changed hands during the copy.
            assertThat(recorded.wakeUps()).as("wake-ups of the blocked thread in %d rounds", recorded.rounds())
                    .isLessThan(OPENING_WAKE_UPS + recorded.rounds() / 10);
        } else {
            assertThat(recorded.wakeUps()).as("wake-ups of the blocked thread in %d rounds", recorded.rounds())
                    .isGreaterThanOrEqualTo(recorded.rounds() / 2);
        }
        RawProfile profile = RawProfile.read(work.resolve("chains.txt"));
        assertThat(profile.withFunction("blocked")).as("the blocked thread, sampled with --idle").isPositive();
        assertThat(profile.withLeaf("a_leaf") + profile.withLeaf("b_leaf")).as(profile.toString()).isPositive();
        assertThat(TwoChainStacks.impossible(profile)).as("stacks the program never had").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("python311")
    void nativeStacksStillStopEveryThread(Path python) throws Exception {
        Recorded recorded = record(python, "--native");

        assertThat(recorded.wakeUps()).as("wake-ups of the blocked thread in %d rounds", recorded.rounds())
                .isGreaterThanOrEqualTo(recorded.rounds() / 2);
    }

    /** What one record of {@code two_chains.py} did to its blocked thread. */
    private record Recorded(long rounds, long wakeUps) {
    }

    private Recorded record(Path python, String... extra) throws Exception {
        Path identityFile = work.resolve("blocked.json");
        Process target = targets.startPython(python, Interpreters.script("two_chains.py"), identityFile.toString());
        long blocked = ThreadIdentity.read(identityFile).get(0).tid();
        long before = voluntarySwitches(target.pid(), blocked);

        List<String> args = new ArrayList<>(List.of("-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "chains.txt", "-r", "200", "-d", "2", "--idle"));
        args.addAll(List.of(extra));
        Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));

        long wakeUps = voluntarySwitches(target.pid(), blocked) - before;
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher rounds = ROUNDS.matcher(result.err());
        assertThat(rounds.find()).as(result.describe()).isTrue();
        System.out.printf("%s %s: %s rounds, blocked thread woken %d times%n", python, String.join(" ", extra),
                rounds.group(1), wakeUps);
        return new Recorded(Long.parseLong(rounds.group(1)), wakeUps);
    }

    /** Whether the interpreter's GIL can be watched, so that only its holder need be stopped. */
    private static boolean watchesTheGil(Path python) {
        String[] version = Interpreters.versionOf(python).split("\\.");
        int major = Integer.parseInt(version[0]);
        int minor = Integer.parseInt(version[1]);
        return !Interpreters.freeThreaded(python) && (major > 3 || major == 3 && minor >= 7);
    }

    /** How often the thread went to sleep: each time a sampler's stop woke it, it went back to sleep. */
    private static long voluntarySwitches(long pid, long tid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid),
                "status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IOException("no voluntary_ctxt_switches in the status of thread " + tid);
    }
}
