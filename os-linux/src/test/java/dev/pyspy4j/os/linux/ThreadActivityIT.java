// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Idle detection under the pausing that blocking sampling does: py-spy counts a thread in time.sleep as active
 * in many samples because the ptrace stop wakes it. Samples the way a sampler does and counts the verdicts.
 * System properties {@code activity.gapMillis} (default 5) and {@code activity.holdMillis} (default 0) set the
 * time from a resume to the next snapshot and how long each pause lasts, to measure harsher schedules.
 */
@EnabledOnOs(OS.LINUX)
class ThreadActivityIT {
    private static final int SAMPLES = 300;

    private PythonProcess python;
    private LinuxTargetProcess target;
    private long sleeperTid;
    private long spinnerTid;

    @BeforeEach
    void start() throws Exception {
        python = PythonProcess.start("sleeper_and_spinner.py");
        target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(python.pid());
        sleeperTid = Long.parseLong(python.readyArguments()[0]);
        spinnerTid = Long.parseLong(python.readyArguments()[1]);
    }

    @AfterEach
    void stop() {
        target.close();
        python.close();
    }

    @Test
    void sleepingThreadStaysIdleAndSpinningThreadActiveAcrossPauses() throws Exception {
        try (ThreadActivityProbe probe = new LinuxThreadActivityProvider().open(target)) {
            Rates rates = sample(probe);
            System.out.printf("with syscall refinement: sleeper idle %.1f%%, spinner active %.1f%%%n",
                    rates.sleeperIdle(), rates.spinnerActive());
            assertThat(rates.sleeperIdle()).isGreaterThanOrEqualTo(98.0);
            assertThat(rates.spinnerActive()).isGreaterThanOrEqualTo(90.0);
        }
    }

    @Test
    void schedulerStateAloneIsReportedForComparison() throws Exception {
        try (ThreadActivityProbe probe = new ProcThreadActivityProbe(python.pid(), new ActivityClassifier())) {
            Rates rates = sample(probe);
            System.out.printf("scheduler state only: sleeper idle %.1f%%, spinner active %.1f%%%n",
                    rates.sleeperIdle(), rates.spinnerActive());
            assertThat(rates.spinnerActive()).isGreaterThanOrEqualTo(90.0);
        }
    }

    private Rates sample(ThreadActivityProbe probe) throws InterruptedException {
        Map<ThreadActivity, Integer> sleeper = new EnumMap<>(ThreadActivity.class);
        Map<ThreadActivity, Integer> spinner = new EnumMap<>(ThreadActivity.class);
        for (int i = 0; i < SAMPLES; i++) {
            Map<Long, ThreadActivity> snapshot = probe.snapshot();
            sleeper.merge(snapshot.get(sleeperTid), 1, Integer::sum);
            spinner.merge(snapshot.get(spinnerTid), 1, Integer::sum);
            try (PauseHandle paused = target.pause()) {
                target.memory().readLong(target.regions().get(0).start());
                Thread.sleep(Integer.getInteger("activity.holdMillis", 0));
            }
            Thread.sleep(Integer.getInteger("activity.gapMillis", 5));
        }
        return new Rates(percent(sleeper, ThreadActivity.IDLE), percent(spinner, ThreadActivity.ACTIVE));
    }

    private static double percent(Map<ThreadActivity, Integer> counts, ThreadActivity activity) {
        return 100.0 * counts.getOrDefault(activity, 0) / SAMPLES;
    }

    /** Percentages of snapshots with the expected verdict. */
    private record Rates(double sleeperIdle, double spinnerActive) {
    }
}
