// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Idle threads are left out unless {@code --idle}: a thread sleeping the whole time contributes, without it, under
 * 2 % of the samples it contributes with it; blocking (the default) and not. Each case records two copies of the
 * program at once, one with {@code --idle} and one without. Run alone: how fast a thread resumed after a pause goes
 * back to sleep depends on how busy the machine is.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RecordIdleIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static Stream<Arguments> pythonsAndModes() {
        return Interpreters.all().stream().flatMap(python -> Stream.of(Arguments.of(python, "blocking"),
                Arguments.of(python, "nonblocking")));
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pythonsAndModes")
    void aSleepingThreadIsLeftOutWithoutIdle(Path python, String mode) throws Exception {
        Path script = Interpreters.script("spin_and_sleep.py");
        Process withIdle = targets.startPython(python, script);
        Process withoutIdle = targets.startPython(python, script);
        List<String> options = mode.equals("nonblocking") ? List.of("--nonblocking") : List.of();

        CompletableFuture<RawProfile> all = record(withIdle, "idle.txt", options, "--idle");
        CompletableFuture<RawProfile> running = record(withoutIdle, "default.txt", options);

        long sleeping = all.join().withFunction("sleeper");
        long leftOut = running.join().withFunction("sleeper");
        assertThat(sleeping).as("samples of the sleeping thread with --idle").isGreaterThan(50);
        assertThat((double) leftOut).as("samples of the sleeping thread without --idle, of %s with it", sleeping)
                .isLessThan(0.02 * sleeping);
    }

    private CompletableFuture<RawProfile> record(Process target, String output, List<String> options,
                                                 String... more) {
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(target.pid()), "-f", "raw", "-o", output,
                "-d", "2", "-r", "200"));
        args.addAll(options);
        args.addAll(List.of(more));
        return CompletableFuture.supplyAsync(() -> {
            try {
                Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));
                assertThat(result.exitCode()).as(result.describe()).isZero();
                RawProfile profile = RawProfile.read(work.resolve(output));
                assertThat(profile.withLeaf("spin")).as(profile.toString()).isPositive();
                return profile;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }
}
