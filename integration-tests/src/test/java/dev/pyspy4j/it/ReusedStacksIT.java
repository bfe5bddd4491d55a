// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stack of a thread that has not run since the last sample is that sample's copy, not read again; a thread
 * that sleeps nearly all the time but wakes to move on must still be seen where it is. The target's napping thread
 * sleeps 50 ms in {@code nap_a}, then 50 ms in {@code nap_b}, for good: recorded with {@code --idle}, its samples
 * split evenly between the two (within what a few hundred samples on a busy machine allow), where a copy kept past
 * a wake-up would pile them onto one.
 */
@EnabledOnOs(OS.LINUX)
class ReusedStacksIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static Stream<Arguments> pythonsAndModes() {
        Stream<Arguments> blocking = Interpreters.all().stream().map(python -> Arguments.of(python, "blocking"));
        Stream<Arguments> nonblocking = Interpreters.python311().stream()
                .map(python -> Arguments.of(python, "nonblocking"));
        return Stream.concat(blocking, nonblocking);
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pythonsAndModes")
    void aThreadThatNapsInTwoPlacesIsSeenInBoth(Path python, String mode) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("napper.py"));
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "naps.txt", "-d", "3", "-r", "200", "--idle"));
        if (mode.equals("nonblocking")) {
            args.add("--nonblocking");
        }

        Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("naps.txt"));
        long inA = profile.withFunction("nap_a");
        long inB = profile.withFunction("nap_b");
        assertThat(inA + inB).as("samples of the napping thread: %s", profile).isGreaterThan(50);
        assertThat((double) inA / (inA + inB)).as("share of nap_a: %d of %d", inA, inA + inB)
                .isBetween(0.25, 0.75);
    }
}
