// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.engine.sampling.FailureTally;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.launch.ProgramEnd;
import dev.pyspy4j.engine.sampling.Lag;
import dev.pyspy4j.engine.sampling.ProcessTally;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The exact words of {@code record}'s own lines. */
class RecordMessagesTest {
    @Test
    void startLineAsPySpyWithAndWithoutDuration() {
        assertThat(RecordMessages.start(100, OptionalLong.empty()))
                .isEqualTo("Sampling process 100 times a second. Press Control-C to exit.");
        assertThat(RecordMessages.start(250, OptionalLong.of(10)))
                .isEqualTo("Sampling process 250 times a second for 10 seconds. Press Control-C to exit.");
    }

    @Test
    void everyStopReasonHasItsLine() {
        OptionalLong tenSeconds = OptionalLong.of(10);
        assertThat(RecordMessages.stopped(StopReason.TARGET_EXITED, tenSeconds))
                .isEqualTo("Stopped sampling because process exited");
        assertThat(RecordMessages.stopped(StopReason.INTERRUPTED, tenSeconds))
                .isEqualTo("Stopped sampling because Control-C pressed");
        assertThat(RecordMessages.stopped(StopReason.TERMINATED, tenSeconds))
                .isEqualTo("Stopped sampling because SIGTERM received");
        assertThat(RecordMessages.stopped(StopReason.SHUTDOWN, tenSeconds))
                .isEqualTo("Stopped sampling because pyspy4j is shutting down");
        assertThat(RecordMessages.stopped(StopReason.DURATION, tenSeconds)).isEqualTo("Stopped sampling after 10 s");
    }

    @Test
    void closingLineCountsStacksRoundsAndErrorsEachByName() {
        assertThat(RecordMessages.wrote("Wrote flamegraph data to 'x.svg'", 4210, 999, 99.94, 100,
                new FailureTally()))
                .isEqualTo("Wrote flamegraph data to 'x.svg'. Samples: 4210 stacks in 999 rounds (99.9 rounds/s of 100"
                        + " asked), errors: 0");
    }

    @Test
    void closingLineGivesTheErrorsByReasonMostFrequentFirst() {
        FailureTally failures = new FailureTally();
        failures.add(new SpyException(FailureKind.PROCESS_EXITED, "process 7 has exited"));
        for (int i = 0; i < 9; i++) {
            failures.add(new SpyException(FailureKind.MEMORY_READ, "0x" + i + " is not a code object", "torn stack",
                    null));
        }
        failures.add(new SpyException(FailureKind.MEMORY_READ, "cannot read 8 bytes at 0x10 in process 7"));
        failures.add(new SpyException(FailureKind.MEMORY_READ, "cannot read 8 bytes at 0x20 in process 7"));

        assertThat(RecordMessages.wrote("Wrote raw flamegraph data to 'x.txt'", 0, 0, 0, 100, failures))
                .isEqualTo("Wrote raw flamegraph data to 'x.txt'. Samples: 0 stacks in 0 rounds (0.0 rounds/s of 100"
                        + " asked), errors: 12 (torn stack: 9, unreadable memory: 2, process exited: 1)");
    }

    @Test
    void lagAndStallWarnings() {
        assertThat(RecordMessages.behind(new Lag(2310.44, 5000, 0))).isEqualTo("sampling fell behind: 2310.4"
                + " rounds/s of 5000 asked in the last second, results may be inaccurate; try reducing the sampling"
                + " rate");
        assertThat(RecordMessages.behind(new Lag(0, 100, 1_523_000_000L)))
                .isEqualTo("1.52 s behind in sampling, results may be inaccurate; try reducing the sampling rate");
    }

    @Test
    void anEmptyRecordingSaysSo() {
        assertThat(RecordMessages.wroteEmpty("Wrote flamegraph data to 'x.svg'"))
                .isEqualTo("Wrote flamegraph data to 'x.svg', with no samples");
    }

    @Test
    void howALaunchedProgramEnded() {
        assertThat(RecordMessages.programEnded("python", new ProgramEnd(3, false)))
                .isEqualTo("'python' exited with status 3");
        assertThat(RecordMessages.programEnded("python", new ProgramEnd(143, true)))
                .isEqualTo("Stopped 'python', which was still running");
    }

    @Test
    void aProcessTreeEndsWithALinePerProcess() {
        ProcessInfo parent = new ProcessInfo(4242, "python app.py", null);
        List<ProcessTally> tallies = List.of(new ProcessTally(parent, 500, 1, 5_000_000_000L),
                new ProcessTally(new ProcessInfo(4300, "python -c a;\nb", parent), 201, 0, 2_000_000_000L));

        assertThat(RecordMessages.processes(tallies, pid -> pid == 4242 ? 0 : 402)).containsExactly(
                "Processes read: 2",
                "  4242 \"python app.py\": 0 stacks, 1 errors, read 100.0 times/s for 5.0 s",
                "  4300 \"python -c a\\x3b\\nb\": 402 stacks, 0 errors, read 100.0 times/s for 2.0 s");
    }

    @Test
    void aLargeTreeNamesOnlyTheFirstProcessesAndCountsTheRest() {
        List<ProcessTally> tallies = LongStream.rangeClosed(1, 25)
                .mapToObj(pid -> new ProcessTally(new ProcessInfo(pid, "w", null), 10, 0, 1_000_000_000L)).toList();

        List<String> lines = RecordMessages.processes(tallies, pid -> 3);

        assertThat(lines.get(0)).isEqualTo("Processes read: 25");
        assertThat(lines).hasSize(1 + 20 + 1).last().isEqualTo("  ... and 5 more");
    }
}
