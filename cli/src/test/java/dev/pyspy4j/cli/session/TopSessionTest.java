// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.cli.top.ScreenState;
import dev.pyspy4j.cli.top.TopDisplay;
import dev.pyspy4j.cli.top.TopView;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.ProgramOrPid;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.python.LineNumbers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How a {@code top} run ends, on the real clock against a fake process: whatever ends it, sampling has stopped, the
 * display is closed and the process is let go of.
 */
class TopSessionTest {
    private final StringWriter err = new StringWriter();
    private final AtomicReference<StopSignal> armed = new AtomicReference<>();
    private final SessionEnvironment environment = new SessionEnvironment(Clock.system(), Intervals::fixed,
            stop -> {
                armed.set(stop);
                return () -> { };
            }, ZonedDateTime::now, false);

    private static FakeTarget.Builder spinning() {
        return FakeTarget.pid(6685).traces(thread(6685, 1, "MainThread", 6685, true, true,
                frame("spin", "/tmp/t.py", 4)));
    }

    private static TopRequest request() {
        return new TopRequest(ProgramOrPid.ofPid(6685), new SamplingPlan(1_000, OptionalLong.empty(), true, false,
                LineNumbers.CURRENT), false, false, false, 0.05);
    }

    private void run(FakeTarget target, RecordingDisplay display) {
        new TopSession(new FakeProviders().with(target).providers(), Platform.current(), environment,
                (renderer, stop) -> display, new PrintWriter(err, true)).run(request());
    }

    @Test
    void theProcessExitingEndsTheRunAfterALastViewAndSaysWhy() {
        FakeTarget target = spinning().exitingAfterSamples(50).build();
        RecordingDisplay display = new RecordingDisplay(view -> { });

        run(target, display);

        assertThat(display.views.get(display.views.size() - 1).samples()).isEqualTo(50);
        assertThat(display.closed).isTrue();
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pyspy4j> Stopped sampling because process exited\n");
    }

    @Test
    void aCrashWhileDrawingStopsSamplingClosesTheDisplayAndLetsGoOfTheProcess() {
        FakeTarget target = spinning().build();
        IllegalStateException crash = new IllegalStateException("renderer bug");
        RecordingDisplay display = new RecordingDisplay(view -> {
            if (view.samples() > 0) {
                throw crash;
            }
        });

        assertThatThrownBy(() -> run(target, display)).isSameAs(crash);

        assertThat(armed.get().reason()).contains(StopReason.INTERRUPTED);
        assertThat(display.closed).isTrue();
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(target.isAlive()).as("closed, hence no longer sampled").isFalse();
    }

    @Test
    void aSignalEndsTheRunQuietly() {
        FakeTarget target = spinning().onSample(index -> {
            if (index == 100) {
                armed.get().request(StopReason.TERMINATED);
            }
        }).build();
        RecordingDisplay display = new RecordingDisplay(view -> { });

        run(target, display);

        assertThat(armed.get().reason()).contains(StopReason.TERMINATED);
        assertThat(target.samplesTaken()).isEqualTo(101);
        assertThat(display.closed).isTrue();
        assertThat(target.closeCount()).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
    }

    /** A display that keeps every view and runs a check on each; it reads no keys. */
    private static final class RecordingDisplay implements TopDisplay {
        final List<TopView> views = new CopyOnWriteArrayList<>();
        final Consumer<TopView> onShow;
        volatile boolean closed;

        RecordingDisplay(Consumer<TopView> onShow) {
            this.onShow = onShow;
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public void show(TopView view, ScreenState state) {
            views.add(view);
            onShow.accept(view);
        }

        @Override
        public int readKey(long timeoutNanos) {
            try {
                Thread.sleep(Math.max(1, timeoutNanos / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NO_KEY;
        }

        @Override
        public boolean resized() {
            return false;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
