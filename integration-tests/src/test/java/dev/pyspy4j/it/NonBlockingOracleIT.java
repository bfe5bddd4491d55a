// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record of a program whose every stack and time split are known ({@code oracle_chains.py}: two call chains,
 * the first doing two thirds of the work by its iteration counts) shows, with the target paused at each sample
 * and without ({@code --nonblocking}), no stack the program never had, and each chain near its share of the
 * samples: within 3 points with the target paused. Records follow one another until there are enough samples.
 *
 * <p>Without pauses the share is held to 6 points: a sample of a runnable thread that waits for a CPU shows
 * where it stopped, so that on a loaded machine the samples taken during one such wait all count the same point
 * (wall-clock time, not CPU time). Paused samples do not, as each pause waits for the thread to get a CPU. On 2
 * cores at a load of 10 to 15, non-blocking shares were 2.1 points from two thirds (root mean square over 13
 * interpreters, at most 4.7), paused ones 0.7 (at most 1.3).
 */
class NonBlockingOracleIT {
    private static final Pattern SUMMARY = Pattern.compile("Samples: (\\d+) stacks in (\\d+) rounds.*errors: (\\d+)");
    private static final Pattern TORN = Pattern.compile("torn stack: (\\d+)");
    private static final double SHARE_OF_A = 2.0 / 3.0;
    private static final double PAUSED_TOLERANCE = 0.03;
    private static final double NONBLOCKING_TOLERANCE = 0.06;
    /** Enough for 3 points to be four standard deviations of a two-thirds share. */
    private static final long MIN_CHAIN_SAMPLES = 4000;
    /**
     * Samples 4 ms apart: where the machine is loaded and the program waits for a CPU, samples taken meanwhile all
     * show where it stopped, so that close samples tell less than their number.
     */
    private static final String RATE = "250";
    private static final String SECONDS = "10";
    private static final int MAX_RUNS = 6;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static Stream<Arguments> interpretersAndModes() {
        return Interpreters.all().stream().flatMap(python -> Stream.of(Arguments.of(python, false),
                Arguments.of(python, true)));
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0}, nonblocking: {1}")
    @MethodSource("interpretersAndModes")
    void aRecordShowsOnlyStacksTheProgramHadEachChainInItsKnownShare(Path python, boolean nonblocking)
            throws Exception {
        Process target = targets.startPython(python, Interpreters.script("oracle_chains.py"));
        long a = 0;
        long b = 0;
        for (int run = 0; run < MAX_RUNS && a + b < MIN_CHAIN_SAMPLES; run++) {
            RawProfile profile = record(python, target.pid(), nonblocking, run);
            assertThat(TwoChainStacks.impossible(profile)).as("stacks the program never had").isEmpty();
            a += TwoChainStacks.inChain(profile, "a");
            b += TwoChainStacks.inChain(profile, "b");
        }
        double share = (double) a / (a + b);
        System.out.printf("%s %s: chain a %d, chain b %d: %.4f%n", python, mode(nonblocking), a, b, share);

        assertThat(a + b).as("samples in the chains, enough to measure shares").isGreaterThanOrEqualTo(
                MIN_CHAIN_SAMPLES);
        double tolerance = nonblocking ? NONBLOCKING_TOLERANCE : PAUSED_TOLERANCE;
        assertThat(share).as("chain a's share of %d samples", a + b).isBetween(SHARE_OF_A - tolerance,
                SHARE_OF_A + tolerance);
    }

    private RawProfile record(Path python, long pid, boolean nonblocking, int run) throws Exception {
        String output = "oracle-" + run + ".txt";
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(pid), "-f", "raw", "-o", output, "-r",
                RATE, "-d", SECONDS));
        if (nonblocking) {
            args.add("--nonblocking");
        }
        Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher summary = SUMMARY.matcher(result.err());
        assertThat(summary.find()).as(result.describe()).isTrue();
        Matcher torn = TORN.matcher(result.err());
        System.out.printf("%s %s: %s stacks in %s rounds, %s errors, %s torn%n", python, mode(nonblocking),
                summary.group(1), summary.group(2), summary.group(3), torn.find() ? torn.group(1) : "0");
        return RawProfile.read(work.resolve(output));
    }

    private static String mode(boolean nonblocking) {
        return nonblocking ? "--nonblocking" : "blocking";
    }
}
