// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.launch.LaunchedProgram;
import dev.pyspy4j.engine.launch.ProgramEnd;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.SampleSource;
import dev.pyspy4j.engine.sampling.Sampler;
import dev.pyspy4j.engine.sampling.SourceReading;
import dev.pyspy4j.engine.sampling.StopSignal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;

/** How a run ends the program it launched. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProfilingRunTest {

    @Test
    void aProgramWhoseInterpreterEndedIsLeftToFinishAndItsOwnStatusReported() {
        // Sampling has seen the interpreter end, but the process takes a moment longer to exit.
        try (ProfilingRun run = runOf(new Source(true), "sleep 0.3; exit 3")) {
            ProgramEnd end = run.finishProgram().orElseThrow();

            assertThat(end).isEqualTo(new ProgramEnd(3, false));
        }
    }

    @Test
    void aProgramStillRunningWhenSamplingEndsForAnotherReasonIsStoppedAtOnce() {
        try (ProfilingRun run = runOf(new Source(false), "sleep 30")) {
            long start = System.nanoTime();
            ProgramEnd end = run.finishProgram().orElseThrow();

            assertThat(end.stoppedByUs()).isTrue();
            assertThat(System.nanoTime() - start).as("stopped without waiting for it to end on its own")
                    .isLessThan(10_000_000_000L);
        }
    }

    private static ProfilingRun runOf(SampleSource source, String script) {
        LaunchedProgram program = LaunchedProgram.start(List.of("/bin/sh", "-c", script));
        program.release();
        program.awaitProgramPid(10_000);
        Sampler sampler = new Sampler(new FakeClock(), Intervals.fixed(100), OptionalLong.empty());
        return new ProfilingRun(source, "a fake process", null, pid -> null, List::of, sampler, new StopSignal(),
                warning -> { }).owning(program);
    }

    /** A source whose processes have, or have not, been seen to exit. */
    private record Source(boolean exhausted) implements SampleSource {
        @Override
        public SourceReading read() {
            return SourceReading.none();
        }

        @Override
        public void close() {
        }
    }
}
