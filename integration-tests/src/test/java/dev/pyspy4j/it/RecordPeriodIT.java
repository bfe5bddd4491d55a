// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbered files written while a recording goes on: one per period with {@code --period}, one per SIGUSR1 without
 * it. Each is a complete file of its window's stacks, and together they hold what the whole file holds.
 */
@EnabledOnOs(OS.LINUX)
class RecordPeriodIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void eachPeriodGetsAFileOfItsOwnStacks() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("spin_and_sleep.py"));

        Pyspy4jJar.Result result = RecordRun.run(work, "--pid", Long.toString(target.pid()), "--period", "1",
                "-d", "3", "-f", "raw", "-o", "periods.txt");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<Path> numbered = numbered("periods", 3);
        assertThat(numbered).as(result.describe()).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : numbered) {
            assertThat(RawProfile.read(file).withLeaf("spin")).as(file.toString()).isPositive();
            assertThat(result.err()).contains("pyspy4j> Wrote raw flamegraph data to '" + file.getFileName() + "' (");
        }
        assertThat(result.err()).contains("periods.1.txt' (0.0 to ");
        assertThat(sumOf(numbered)).as("the windows hold what the whole recording holds")
                .isEqualTo(RawProfile.read(work.resolve("periods.txt")).total());
    }

    @Test
    void eachUserSignalWritesTheStacksSinceThePreviousFile() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("spin_and_sleep.py"));

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.start(work, "", "--pid", Long.toString(target.pid()), "-d", "600", "-f",
                "raw", "-o", "signalled.txt")) {
            run.awaitErr("Press Control-C to exit.");
            Thread.sleep(1_000);
            run.signal("USR1");
            run.awaitErr("signalled.1.txt' (0.0 to ");
            Thread.sleep(1_000);
            run.signal("USR1");
            run.awaitErr("signalled.2.txt' (");
            Thread.sleep(500);
            run.signal("INT");
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<Path> numbered = numbered("signalled", 3);
        assertThat(numbered).as(result.describe()).hasSize(3);
        for (Path file : numbered) {
            assertThat(RawProfile.read(file).withLeaf("spin")).as(file + ": " + result.describe()).isPositive();
        }
        assertThat(sumOf(numbered)).isEqualTo(RawProfile.read(work.resolve("signalled.txt")).total());
        assertThat(target.isAlive()).isTrue();
    }

    @Test
    void aPeriodNeedsAnOutputFileBesideWhichNumberedFilesCanGo() throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("spin_and_sleep.py"));
        String pid = Long.toString(target.pid());

        Pyspy4jJar.Result device = RecordRun.run(work, "--pid", pid, "--period", "1", "-d", "2", "-o", "/dev/null");
        Pyspy4jJar.Result standardOutput = RecordRun.run(work, "--pid", pid, "--period", "1", "-o", "-");
        Pyspy4jJar.Result zero = RecordRun.run(work, "--pid", pid, "--period", "0", "-o", "zero.svg");

        assertThat(device.exitCode()).as(device.describe()).isEqualTo(2);
        assertThat(device.err()).startsWith("pyspy4j record: --period writes numbered files beside the output"
                + " file, and '/dev/null' is not a regular file");
        assertThat(Path.of("/dev/null.1")).doesNotExist();
        assertThat(standardOutput.exitCode()).as(standardOutput.describe()).isEqualTo(2);
        assertThat(standardOutput.err()).startsWith("pyspy4j record: --period writes numbered files beside the"
                + " output file, which -o - does not name;");
        assertThat(zero.exitCode()).as(zero.describe()).isEqualTo(2);
        assertThat(zero.err()).startsWith("pyspy4j record: --period must be a whole number of seconds above 0,"
                + " not 0;");
    }

    /** {@code base.1.txt}, {@code base.2.txt}, … as far as they go, at least {@code expected} looked for. */
    private List<Path> numbered(String base, int expected) {
        List<Path> files = new ArrayList<>();
        for (int number = 1; number <= expected || Files.exists(work.resolve(base + "." + number + ".txt"));
                number++) {
            Path file = work.resolve(base + "." + number + ".txt");
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static long sumOf(List<Path> files) throws Exception {
        long total = 0;
        for (Path file : files) {
            total += RawProfile.read(file).total();
        }
        return total;
    }
}
