// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the interpreter of a process that may still be starting. */
class InterpreterOpenerTest {
    private static final SpyException STARTING = new SpyException(FailureKind.NOT_PYTHON,
            "process 42 ('/bin/sh') is not a Python process");

    private final FakeClock clock = new FakeClock();

    private InterpreterOpener opener(FakeProviders world) {
        Providers providers = world.providers();
        return new InterpreterOpener(providers.processAccess().select(Platform.current(), Optional.empty()),
                providers.interpreters().select(Platform.current(), Optional.empty()), clock);
    }

    @Test
    void aStartingProgramIsTriedAgainUntilItsInterpreterAppears() {
        FakeTarget target = FakeTarget.pid(42).failingToOpen(STARTING, 3).build();
        FakeProviders world = new FakeProviders().with(target);

        OpenedProcess opened = opener(world).open(42, OpenPatience.startingProgram(), new StopSignal());

        assertThat(opened.target()).isSameAs(target);
        assertThat(world.opens()).isEqualTo(4);
        assertThat(clock.sleeps()).isEqualTo(3);
        // Each failed attempt let go of the process it had attached to.
        assertThat(target.closeCount()).isEqualTo(3);
    }

    @Test
    void aHeldProgramIsPausedForEveryAttemptAttachedOnceAndReturnedStillHeld() {
        FakeTarget target = FakeTarget.pid(42).failingToOpen(STARTING, 3).build();
        FakeProviders world = new FakeProviders().with(target);

        OpenedProcess opened = opener(world).openHolding(42, OpenPatience.startingProgram(), new StopSignal());

        assertThat(opened.target()).isSameAs(target);
        assertThat(world.opens()).isEqualTo(4);
        assertThat(target.pauseCount()).as("one pause per attempt").isEqualTo(4);
        assertThat(target.closeCount()).as("attached once, kept across attempts").isZero();
        assertThat(target.paused()).as("held until its first sample").isTrue();
        opened.held().close();
        assertThat(target.paused()).isFalse();
    }

    @Test
    void aRunningProcessIsReturnedRunning() {
        FakeTarget target = FakeTarget.pid(42).build();

        OpenedProcess opened = opener(new FakeProviders().with(target)).open(42, OpenPatience.runningProcess(),
                new StopSignal());

        assertThat(opened.held()).isNull();
        assertThat(target.paused()).isFalse();
    }

    @Test
    void aHeldProgramThatNeverRunsPythonIsLetGoOfRunning() {
        FakeTarget target = FakeTarget.pid(42).failingToOpen(STARTING).build();
        FakeProviders world = new FakeProviders().with(target);

        assertThatThrownBy(() -> opener(world).openHolding(42, OpenPatience.startingProgram(), new StopSignal()))
                .isSameAs(STARTING);
        assertThat(target.paused()).isFalse();
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void givesUpAfterItsPatienceWithTheLastFailure() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(42).failingToOpen(STARTING).build());
        long start = clock.nanoTime();

        assertThatThrownBy(() -> opener(world).open(42, OpenPatience.startingProgram(), new StopSignal()))
                .isSameAs(STARTING);
        assertThat(clock.nanoTime() - start).isEqualTo(OpenPatience.startingProgram().nanos());
        // One attempt every millisecond for 0.5 s, then every 20 ms until 5 s, and one at the end.
        assertThat(world.opens()).isEqualTo(500 + 225 + 1);
    }

    @Test
    void aStartingProgramIsTriedEveryMillisecondAtFirstThenEvery20Ms() {
        OpenPatience patience = OpenPatience.startingProgram();

        assertThat(patience.spacingAfter(0)).isEqualTo(1_000_000L);
        assertThat(patience.spacingAfter(499_999_999L)).isEqualTo(1_000_000L);
        assertThat(patience.spacingAfter(500_000_000L)).isEqualTo(20_000_000L);
        assertThat(OpenPatience.runningProcess().spacingAfter(0)).isEqualTo(20_000_000L);
    }

    @Test
    void aRunningProcessThatIsNotPythonFailsAtOnce() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(42).failingToOpen(STARTING).build());

        assertThatThrownBy(() -> opener(world).open(42, OpenPatience.runningProcess(), new StopSignal()))
                .isSameAs(STARTING);
        assertThat(world.opens()).isEqualTo(1);
    }

    @Test
    void aTornReadOfARunningProcessIsTriedAgain() {
        SpyException torn = new SpyException(FailureKind.MEMORY_READ, "torn read");
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(42).failingToOpen(torn, 2).build());

        opener(world).open(42, OpenPatience.runningProcess(), new StopSignal());

        assertThat(world.opens()).isEqualTo(3);
    }

    @Test
    void permissionDeniedIsNeverRetried() {
        SpyException denied = new SpyException(FailureKind.PERMISSION_DENIED, "ptrace: operation not permitted");
        FakeProviders world = new FakeProviders().failingToAttach(42, denied);

        assertThatThrownBy(() -> opener(world).open(42, OpenPatience.startingProgram(), new StopSignal()))
                .isSameAs(denied);
    }

    @Test
    void aStopRequestEndsTheRetries() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(42).failingToOpen(STARTING).build());
        StopSignal stop = new StopSignal();
        stop.request(StopReason.INTERRUPTED);

        assertThatThrownBy(() -> opener(world).open(42, OpenPatience.startingProgram(), stop)).isSameAs(STARTING);
        assertThat(world.opens()).isEqualTo(1);
    }
}
