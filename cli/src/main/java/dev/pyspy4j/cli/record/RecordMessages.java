// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.engine.sampling.FailureTally;

import dev.pyspy4j.engine.launch.ProgramEnd;
import dev.pyspy4j.engine.sampling.Lag;
import dev.pyspy4j.engine.sampling.ProcessTally;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.trace.ProcessFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongUnaryOperator;

/** The sentences {@code record} prints, in py-spy's words where py-spy has them. */
public final class RecordMessages {
    /** The per-process summary of a process tree names at most this many processes. */
    static final int PROCESSES_SHOWN = 20;

    private RecordMessages() {
    }

    public static String start(int rate, OptionalLong durationSeconds) {
        return "Sampling process " + rate + " times a second"
                + (durationSeconds.isPresent() ? " for " + durationSeconds.getAsLong() + " seconds" : "")
                + ". Press Control-C to exit.";
    }

    public static String stopped(StopReason reason, OptionalLong durationSeconds) {
        return switch (reason) {
            case TARGET_EXITED -> "Stopped sampling because process exited";
            case TARGET_EXECED -> "Stopped sampling because process exec'd another program (--subprocesses follows it)";
            case INTERRUPTED -> "Stopped sampling because Control-C pressed";
            case TERMINATED -> "Stopped sampling because SIGTERM received";
            case SHUTDOWN -> "Stopped sampling because pyspy4j is shutting down";
            case DURATION -> "Stopped sampling after " + durationSeconds.orElse(0) + " s";
        };
    }

    /**
     * The closing line: the recorder's announcement, then one count per number, each saying what it counts: the
     * stacks recorded (one per thread per round, as py-spy counts samples), the rounds in which the processes were
     * read and their rate against the rate asked, and the failed reads by reason, e.g.
     * {@code Wrote flamegraph data to 'x.svg'. Samples: 4210 stacks in 999 rounds (99.9 rounds/s of 100 asked),
     * errors: 12 (torn stack: 9, traced by process 42: 3)}.
     */
    public static String wrote(String announcement, long stacks, long rounds, double roundRate, int askedRate,
                               FailureTally failures) {
        return announcement + ". Samples: " + stacks + " stacks in " + rounds + " rounds"
                + String.format(Locale.ROOT, " (%.1f rounds/s of %d asked)", roundRate, askedRate)
                + ", errors: " + failures.total()
                + (failures.total() == 0 ? "" : " (" + failures.breakdown() + ")");
    }

    /** The closing line of a recording in which nothing could be sampled, e.g. of a program that ended at once. */
    public static String wroteEmpty(String announcement) {
        return announcement + ", with no samples";
    }

    /**
     * The per-process summary of a process tree ({@code --subprocesses}), one line per process read, e.g.
     * {@code   4243 "python worker.py": 498 stacks, 0 errors, read 99.6 times/s for 5.0 s}; after
     * {@value #PROCESSES_SHOWN} processes, one line says how many more there were.
     *
     * @param samplesOf the samples recorded of a process, by pid
     */
    public static List<String> processes(List<ProcessTally> tallies, LongUnaryOperator samplesOf) {
        List<String> lines = new ArrayList<>();
        lines.add("Processes read: " + tallies.size());
        tallies.stream().limit(PROCESSES_SHOWN).forEach(tally -> lines.add(String.format(Locale.ROOT,
                "  %d \"%s\": %d stacks, %d errors, read %.1f times/s for %.1f s", tally.process().pid(),
                ProcessFrames.escape(tally.process().commandLine()), samplesOf.applyAsLong(tally.process().pid()),
                tally.failures(), tally.readRate(), tally.spanNanos() / 1e9)));
        if (tallies.size() > PROCESSES_SHOWN) {
            lines.add("  ... and " + (tallies.size() - PROCESSES_SHOWN) + " more");
        }
        return lines;
    }

    public static String behind(Lag lag) {
        if (lag.isStall()) {
            return String.format(Locale.ROOT, "%.2f s behind in sampling, results may be inaccurate;"
                    + " try reducing the sampling rate", lag.stallNanos() / 1e9);
        }
        return String.format(Locale.ROOT, "sampling fell behind: %.1f rounds/s of %d asked in the last second,"
                + " results may be inaccurate; try reducing the sampling rate", lag.achievedRate(), lag.askedRate());
    }

    public static String programEnded(String program, ProgramEnd end) {
        return end.stoppedByUs() ? "Stopped '" + program + "', which was still running"
                : "'" + program + "' exited with status " + end.status();
    }
}
