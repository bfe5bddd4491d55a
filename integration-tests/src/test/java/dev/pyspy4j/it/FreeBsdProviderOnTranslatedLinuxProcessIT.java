// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.dump.DumpRequest;
import dev.pyspy4j.engine.dump.ProcessDump;
import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.os.freebsd.FreeBsdProcessAccessProvider;
import dev.pyspy4j.os.freebsd.FreeBsdThreadActivityProvider;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FreeBSD provider driving the real engine and interpreter readers against a live CPython on Linux, with every
 * FreeBSD system call answered by {@link LinuxProcessAsFreeBsdCalls}: kinfo records encoded from /proc, PT_IO served
 * from the process's memory, PT_ATTACH and PT_DETACH as SIGSTOP and SIGCONT. The engine is told it runs on
 * FreeBSD x86_64, so the FreeBSD providers are the only ones it may choose. This checks the provider's discovery,
 * region mapping, reads, pausing and idle detection end to end on a real interpreter; it does not run on FreeBSD.
 */
class FreeBsdProviderOnTranslatedLinuxProcessIT {
    private static final Platform FREEBSD = new Platform(OsFamily.FREEBSD, TargetArch.X86_64);
    private static final Path PYTHON = Interpreters.debian("3.11");
    private static final int SAMPLES = 30;

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @Test
    void dumpShowsTheSpinningAndTheSleepingThreadThroughTheFreeBsdProvider() throws Exception {
        Path script = Interpreters.script("spin_and_sleep.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process python = targets.startPython(PYTHON, script);
        LinuxProcessAsFreeBsdCalls calls = new LinuxProcessAsFreeBsdCalls();

        ProcessDump dump = dump(calls, python, true);

        assertThat(dump.executable()).isEqualTo("/usr/bin/python3.11");
        assertThat(dump.version().toString()).startsWith("3.11");
        assertThat(dump.commandLine()).containsExactly(PYTHON.toString(), script.toString());
        StackTrace spinner = thread(dump, "Spinner");
        assertThat(spinner.frames().get(0)).satisfies(leaf -> {
            assertThat(leaf.name()).isEqualTo("spin");
            assertThat(leaf.line()).isEqualTo(markers.line("spin"));
        });
        assertThat(spinner.active()).as("the spinning thread runs").isTrue();
        assertThat(spinner.osThreadId()).isNotZero();
        StackTrace sleeper = thread(dump, "Sleeper");
        assertThat(sleeper.frames()).extracting(Frame::name).startsWith("sleeper");
        assertThat(sleeper.frames().get(0).line()).isEqualTo(markers.line("sleeper"));
        assertThat(thread(dump, "MainThread").frames()).extracting(Frame::line).contains(markers.line("main"));

        assertThat(calls.attaches()).as("the provider stopped the target to read it").isPositive();
        assertThat(calls.reads()).isPositive();
        assertThat(LinuxProcessAsFreeBsdCalls.isStopped(python.pid())).as("the target runs again").isFalse();
        assertThat(python.isAlive()).isTrue();
    }

    @Test
    void dumpTellsTheSleepingThreadIdleAndTheSpinningOneActive() throws Exception {
        Process python = targets.startPython(PYTHON, Interpreters.script("spin_and_sleep.py"));
        LinuxProcessAsFreeBsdCalls calls = new LinuxProcessAsFreeBsdCalls();
        // A thread sleeping in nanosleep is briefly runnable after each SIGCONT that ends a stop, and a dump stops
        // the target a few hundred times before it looks at the threads, so one dump may catch the sleeper running
        // (py-spy's blocking mode on Linux shows the same); of five dumps, at least one must see it idle.
        int sleeperIdle = 0;
        for (int i = 0; i < 5; i++) {
            ProcessDump dump = dump(calls, python, true);
            assertThat(thread(dump, "Spinner").active()).as("the spinning thread runs").isTrue();
            sleeperIdle += thread(dump, "Sleeper").active() ? 0 : 1;
        }
        assertThat(sleeperIdle).as("dumps that saw the sleeping thread idle").isPositive();
    }

    @Test
    void dumpWithoutPausingReadsTheExactNestedStack() throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(Interpreters.script("nested.py"));
        Process python = targets.startPython(PYTHON, Interpreters.script("nested.py"));

        LinuxProcessAsFreeBsdCalls calls = new LinuxProcessAsFreeBsdCalls();

        ProcessDump dump = dump(calls, python, false);

        assertThat(thread(dump, "MainThread").frames()).extracting(Frame::name, Frame::line).containsExactly(
                tuple("level_three", markers.line("level_three")),
                tuple("level_two", markers.line("level_two")),
                tuple("level_one", markers.line("level_one")),
                tuple("<module>", markers.line("<module>")));
        assertThat(calls.attaches()).as("PT_IO needs a stop even without a pause: one per read batch").isGreaterThan(1);
        assertThat(LinuxProcessAsFreeBsdCalls.isStopped(python.pid())).isFalse();
    }

    @Test
    void recordingPausesTheTargetForEverySampleAndFindsTheSpinningFunction() throws Exception {
        Process python = targets.startPython(PYTHON, Interpreters.script("spin_and_sleep.py"));
        LinuxProcessAsFreeBsdCalls calls = new LinuxProcessAsFreeBsdCalls();
        List<Sample> samples = new ArrayList<>();

        // Stops after a count of samples, not a duration: the first sample finds the interpreter, which takes the
        // translation a few hundred stops of the target, each much slower than a FreeBSD kernel's.
        try (ProfilingRun run = profiler(calls).attach(python.pid(), SamplingPlan.atRate(50).forSeconds(120))) {
            run.sampleInto(sample -> {
                samples.add(sample);
                if (samples.size() == SAMPLES) {
                    run.stop();
                }
            });
        }

        assertThat(samples).hasSize(SAMPLES);
        long withSpin = samples.stream().filter(sample -> sample.traces().stream().anyMatch(trace -> trace.active()
                && !trace.frames().isEmpty() && trace.frames().get(0).name().equals("spin"))).count();
        long sleeperIdle = samples.stream().filter(sample -> sample.traces().stream().anyMatch(trace ->
                "Sleeper".equals(trace.threadName()) && !trace.active())).count();
        long failed = samples.stream().filter(sample -> !sample.failures().isEmpty()).count();
        assertThat(withSpin).as("samples whose active Spinner is in spin").isGreaterThan(samples.size() * 8L / 10);
        // Not all: a thread sleeping in nanosleep is briefly runnable after the SIGCONT that ended the previous
        // sample's stop, and then looks active (py-spy's blocking mode on Linux shows the same); 80 to 100 % were seen.
        assertThat(sleeperIdle).as("samples whose Sleeper is idle").isGreaterThan(samples.size() / 2L);
        assertThat(failed).as("samples that failed").isLessThan(samples.size() / 10 + 1);
        assertThat(calls.attaches()).as("one stop per sample at least").isGreaterThanOrEqualTo(samples.size());
        assertThat(LinuxProcessAsFreeBsdCalls.isStopped(python.pid())).as("the target runs again").isFalse();
    }

    /** Dumps {@code python} once with the engine told it runs on FreeBSD, pausing it or not. */
    private static ProcessDump dump(LinuxProcessAsFreeBsdCalls calls, Process python, boolean pause) {
        return profiler(calls).dump(new DumpRequest(python.pid(), pause, false));
    }

    private static Profiler profiler(LinuxProcessAsFreeBsdCalls calls) {
        Providers loaded = Providers.load(FreeBsdProviderOnTranslatedLinuxProcessIT.class.getClassLoader());
        Providers providers = Providers.of(List.of(new FreeBsdProcessAccessProvider(calls)),
                List.of(new FreeBsdThreadActivityProvider(calls)), loaded.interpreters().all(),
                loaded.outputFormats().all());
        return new Profiler(providers, FREEBSD, Clock.system(), rate -> Intervals.exponential(rate,
                new SplittableRandom()), ProcessTree.system());
    }

    private static StackTrace thread(ProcessDump dump, String name) {
        return dump.traces().stream().filter(trace -> name.equals(trace.threadName())).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " among " + dump.traces()));
    }
}
