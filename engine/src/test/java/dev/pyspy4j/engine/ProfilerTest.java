// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.fakes.FakeNative;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.engine.nativestack.NativeDepth;
import dev.pyspy4j.engine.nativestack.NativeStacks;
import dev.pyspy4j.engine.sampling.FailureTally;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.engine.sampling.SamplingResult;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.python.SampleRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API on fake providers: a run opened, sampled until stopped, and let go of. */
class ProfilerTest {
    @TempDir
    Path root;

    private static Profiler profiler(FakeProviders world) {
        return new Profiler(world.providers(), Platform.current(), new FakeClock(), Intervals::fixed,
                ProcessTree.system());
    }

    private FakeTarget target() {
        return FakeTarget.pid(12).root(root).commandLine("python", "app.py")
                .traces(thread(12, 5, "MainThread", 12, true, false, frame("main", "/app/app.py", 3))).build();
    }

    @Test
    void attachSamplesUntilStoppedAndClosingLetsGo() {
        FakeTarget target = target();
        FakeProviders world = new FakeProviders().with(target);
        AtomicInteger samples = new AtomicInteger();
        SamplingResult result;
        try (ProfilingRun run = profiler(world).attach(12, SamplingPlan.atRate(100))) {
            assertThat(run.subject().pid()).isEqualTo(12);
            assertThat(run.subject().commandLine()).containsExactly("python", "app.py");
            result = run.sampleInto(sample -> {
                assertThat(sample.traces()).singleElement().satisfies(trace -> assertThat(trace.threadName())
                        .isEqualTo("MainThread"));
                if (samples.incrementAndGet() == 3) {
                    run.stop();
                }
            });
            assertThat(target.closeCount()).isZero();
        }
        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(samples).hasValue(3);
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void aPlanForSomeSecondsEndsByItself() {
        FakeProviders world = new FakeProviders().with(target());
        AtomicInteger samples = new AtomicInteger();
        try (ProfilingRun run = profiler(world).attach(12, SamplingPlan.atRate(10).forSeconds(2))) {
            assertThat(run.sampleInto(sample -> samples.incrementAndGet()).reason()).isEqualTo(StopReason.DURATION);
        }
        assertThat(samples.get()).isBetween(19, 21);
    }

    @Test
    void targetAndPlanOptionsReachTheReads() {
        FakeProviders world = new FakeProviders().with(target());
        Target target = Target.process(12).withSubprocesses(false).withFullFilenames(true);
        try (ProfilingRun run = profiler(world).open(target, SamplingPlan.atRate(100).nonBlocking(), new StopSignal(),
                warning -> { })) {
            assertThat(run.names().apply(12).shorten("/app/app.py")).isEqualTo("/app/app.py");
            run.sampleInto(sample -> run.stop());
        }
        assertThat(world.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.pauseTarget()).isFalse());
        assertThat(world.requests()).extracting(SampleRequest::gilOnly).containsOnly(false);
    }

    @Test
    void aNativePlanMergesEverySampleCountsMismatchesAndClosesTheUnwinderWithTheProcess() {
        FakeTarget target = FakeTarget.pid(12).root(root).stoppedThreads(12L, 13L)
                .traces(thread(12, 5, "MainThread", 12, true, false, frame("main", "/app/app.py", 3)),
                        thread(12, 6, "worker", 13, true, false, entry("a"), entry("b"), entry("c")))
                .build();
        FakeNative.Unwinders unwinders = new FakeNative.Unwinders("fake", 1, true)
                .stack(12, NativeStack.complete(0x100, 0x201))
                .stack(13, NativeStack.complete(0x200));
        FakeNative.Symbols symbols = new FakeNative.Symbols().symbol(0x100, "/lib/libc.so.6", "clock_nanosleep")
                .symbol(0x200, "/fake/libpython3.11.so.1.0", "_PyEval_EvalFrameDefault");
        FakeProviders world = new FakeProviders().with(target).withUnwinder(unwinders).withSymbols(symbols);
        List<List<String>> stacks = new ArrayList<>();
        FailureTally failures = new FailureTally();

        try (ProfilingRun run = profiler(world).attach(12,
                SamplingPlan.atRate(100).withNativeStacks(Optional.of("fake")))) {
            run.sampleInto(sample -> {
                sample.traces().forEach(trace -> stacks.add(trace.frames().stream().map(Frame::name).toList()));
                sample.failures().forEach(failure -> failures.add(failure.failure()));
                if (world.pausedWorkRuns() == 2) {
                    run.stop();
                }
            });
            assertThat(unwinders.closes()).isZero();
        }

        assertThat(stacks).containsExactly(List.of("clock_nanosleep", "main"), List.of("clock_nanosleep", "main"));
        assertThat(failures.breakdown()).isEqualTo(NativeStacks.MISMATCH_REASON + ": 2");
        assertThat(unwinders.maxFrames()).containsOnly(NativeDepth.maxFrames());
        assertThat(unwinders.opens()).isEqualTo(1);
        assertThat(unwinders.closes()).isEqualTo(1);
        assertThat(symbols.closes()).isEqualTo(1);
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void aNativePlanWithoutUnwindersFailsWithOneClearMessage() {
        FakeProviders world = new FakeProviders().with(target());
        SamplingPlan plan = SamplingPlan.atRate(100).withNativeStacks(Optional.empty());

        assertThatThrownBy(() -> profiler(world).attach(12, plan))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED_PLATFORM))
                .hasMessageStartingWith("native stacks are not available: no NativeUnwinderProvider supports ");
        assertThat(world.opens()).isZero();
    }

    @Test
    void aResolverThatFailsToOpenLetsGoOfTheUnwinderAndTheProcess() {
        FakeTarget target = target();
        FakeNative.Unwinders unwinders = new FakeNative.Unwinders("fake", 1, true);
        FakeNative.Symbols symbols = new FakeNative.Symbols()
                .failingToOpen(new SpyException(FailureKind.MALFORMED_INPUT, "broken symbol table"));
        FakeProviders world = new FakeProviders().with(target).withUnwinder(unwinders).withSymbols(symbols);
        SamplingPlan plan = SamplingPlan.atRate(100).withNativeStacks(Optional.empty());

        assertThatThrownBy(() -> profiler(world).attach(12, plan)).hasMessage("broken symbol table");
        assertThat(unwinders.opens()).isEqualTo(1);
        assertThat(unwinders.closes()).isEqualTo(1);
        assertThat(world.probes()).singleElement().satisfies(probe -> assertThat(probe.closeCount()).isOne());
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void nativeStacksCannotBeReadWithoutPausing() {
        assertThatThrownBy(() -> SamplingPlan.atRate(100).nonBlocking().withNativeStacks(Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("native stacks need the target paused");
    }

    /** A frame that one evaluation call ran alone, as up to 3.10. */
    private static Frame entry(String name) {
        return new Frame(name, "/app/" + name + ".py", null, null, 1, null, true, false);
    }
}
