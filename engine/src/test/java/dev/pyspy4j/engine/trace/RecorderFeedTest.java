// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleFailure;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches an output format from a run's samples, and what is counted on the way. */
class RecorderFeedTest {
    private final List<StackTrace> recorded = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final Recorder recorder = new Recorder() {
        @Override
        public void record(StackTrace trace, long elapsedNanos) {
            recorded.add(trace);
            times.add(elapsedNanos);
        }

        @Override
        public void writeTo(OutputStream out) {
        }

        @Override
        public String announce(String path) {
            return path;
        }
    };

    @Test
    void recordsTheKeptStacksDecoratedWithTheirTimeAndCountsThemPerProcess() {
        RecorderFeed feed = new RecorderFeed(recorder, new TraceFilter(false, false),
                new TraceDecorator(FilenameShortener.keepingFullNames(), true));
        StackTrace busy = thread(10, 1, "MainThread", 10, true, false, frame("work", "/app/a.py", 3));
        StackTrace idle = thread(10, 2, "sleeper", 11, false, false, frame("wait", "/app/a.py", 9));
        StackTrace child = thread(20, 1, "MainThread", 20, true, false, frame("run", "/app/b.py", 1));

        feed.accept(new Sample(5_000, List.of(busy, idle), List.of(), 0, 0));
        feed.accept(new Sample(15_000, List.of(busy, child), List.of(), 0, 0));

        assertThat(feed.stacks()).isEqualTo(3);
        assertThat(feed.stacksOf(10)).isEqualTo(2);
        assertThat(feed.stacksOf(20)).isEqualTo(1);
        assertThat(feed.stacksOf(30)).isZero();
        assertThat(times).containsExactly(5_000L, 15_000L, 15_000L);
        assertThat(recorded.get(0).frames()).extracting(Frame::name)
                .containsExactly("work", "thread (10): MainThread");
    }

    @Test
    void countsFailedReadsByReason() {
        RecorderFeed feed = new RecorderFeed(recorder, new TraceFilter(true, false),
                new TraceDecorator(FilenameShortener.keepingFullNames(), false));
        SpyException gone = new SpyException(FailureKind.PROCESS_EXITED, "process 10 has exited");
        SpyException torn = new SpyException(FailureKind.MEMORY_READ, "frame chain loops", "torn stack", null);

        feed.accept(new Sample(1, List.of(), List.of(new SampleFailure(10, torn)), 0, 0));
        feed.accept(new Sample(2, List.of(), List.of(new SampleFailure(10, torn), new SampleFailure(11, gone)), 0, 0));

        assertThat(feed.stacks()).isZero();
        assertThat(feed.failures().total()).isEqualTo(3);
        assertThat(feed.failures().breakdown()).isEqualTo("torn stack: 2, process exited: 1");
        assertThat(feed.failures().mostCommon()).contains(torn);
    }
}
