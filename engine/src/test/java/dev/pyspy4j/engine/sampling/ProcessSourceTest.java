// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One process read at every tick: failures counted, an exit noticed, everything let go at the end. */
class ProcessSourceTest {
    private static final StackTrace TRACE = thread(7, 1, "MainThread", 7, true, true, frame("f", "/t.py", 3));
    private static final SampleRequest REQUEST = new SampleRequest(true, LineNumbers.CURRENT, false, 0, null);

    private final FakeProviders world = new FakeProviders();

    private ProcessSource source(FakeTarget target, ThreadActivityProbe probe) {
        Providers providers = world.with(target).providers();
        return new ProcessSource(target, providers.interpreters().select(Platform.current(), Optional.empty())
                .open(target), probe, REQUEST);
    }

    @Test
    void readsTheTracesOfEachSampleWithTheRequestGiven() {
        ProcessSource source = source(FakeTarget.pid(7).traces(TRACE).build(), null);

        SourceReading reading = source.read();

        assertThat(reading.traces()).containsExactly(TRACE);
        assertThat(reading.failures()).isEmpty();
        assertThat(reading.processesRead()).isEqualTo(1);
        assertThat(world.requests()).containsExactly(REQUEST);
        assertThat(source.exhausted()).isFalse();
    }

    @Test
    void aProgramHeldSinceItsLaunchRunsFromTheFirstReadWhichPausesItAfresh() {
        FakeTarget target = FakeTarget.pid(7).traces(TRACE).build();
        ProcessSource source = heldSource(target);

        assertThat(source.read().traces()).containsExactly(TRACE);

        assertThat(target.paused()).isFalse();
        assertThat(target.pauseCount()).as("the hold, then the read's own pause").isEqualTo(2);
    }

    @Test
    void aHeldProgramThatIsNeverReadRunsOnceTheSourceIsClosedOrHandedOver() {
        FakeTarget closed = FakeTarget.pid(7).traces(TRACE).build();
        heldSource(closed).close();
        assertThat(closed.paused()).isFalse();

        FakeTarget handedOver = FakeTarget.pid(8).traces(TRACE).build();
        ProcessSource source = heldSource(handedOver);
        source.releaseHeldStart();
        assertThat(handedOver.paused()).isFalse();
        source.releaseHeldStart();
        assertThat(source.read().traces()).containsExactly(TRACE);
    }

    private ProcessSource heldSource(FakeTarget target) {
        Providers providers = world.with(target).providers();
        return new ProcessSource(target, providers.interpreters().select(Platform.current(), Optional.empty())
                .open(target), null, REQUEST, null, target.pause());
    }

    @Test
    void aFailedReadOfALiveProcessIsAFailureNotAnEnd() {
        ProcessSource source = source(FakeTarget.pid(7).traces(TRACE).failingAtSamples(0).build(), null);

        SourceReading failed = source.read();

        assertThat(failed.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.pid()).isEqualTo(7);
            assertThat(failure.failure().kind()).isEqualTo(FailureKind.MEMORY_READ);
        });
        assertThat(failed.processesRead()).isZero();
        assertThat(source.exhausted()).isFalse();
        assertThat(source.read().traces()).containsExactly(TRACE);
    }

    @Test
    void anUnexpectedExceptionIsAFailedSampleToo() {
        ProcessSource source = source(FakeTarget.pid(7)
                .failingToSample(new IllegalStateException("walker bug: negative frame count")).build(), null);

        SourceReading failed = source.read();

        assertThat(failed.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.failure().kind()).isEqualTo(FailureKind.INTERNAL);
            assertThat(failure.failure().getMessage()).isEqualTo("internal error while sampling:"
                    + " java.lang.IllegalStateException: walker bug: negative frame count");
        });
        assertThat(source.exhausted()).isFalse();
    }

    @Test
    void aProcessThatExitedExhaustsTheSourceWithoutAFailure() {
        ProcessSource source = source(FakeTarget.pid(7).traces(TRACE).exitingAfterSamples(2).build(), null);
        source.read();
        source.read();

        SourceReading last = source.read();

        assertThat(last).isEqualTo(SourceReading.none());
        assertThat(source.exhausted()).isTrue();
        assertThat(source.read()).isEqualTo(SourceReading.none());
    }

    @Test
    void closingLetsGoOfTheProbeAndTheProcess() {
        FakeTarget target = FakeTarget.pid(7).build();
        FakeProviders.FakeProbe probe = new FakeProviders.FakeProbe();
        ProcessSource source = source(target, probe);

        source.close();

        assertThat(probe.closeCount()).isEqualTo(1);
        assertThat(target.closeCount()).isEqualTo(1);
    }
}
