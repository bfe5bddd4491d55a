// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.fakes.FakeNative;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One process's native stacks: unwound while paused, named afterwards, merged per thread. */
class NativeStacksTest {
    private static final String LIBPYTHON = "/opt/py/lib/libpython3.11.so.1.0";
    private static final String LIBC = "/lib/x86_64-linux-gnu/libc.so.6";
    private static final String EXTENSION = "/app/fast.so";

    private final FakeNative.Unwinders unwinders = new FakeNative.Unwinders("fake", 10, true);
    private final FakeNative.Symbols symbols = new FakeNative.Symbols();

    private NativeStacks open() {
        return new NativeStacks(unwinders.open(null), symbols.open(null),
                InterpreterBinaries.of(LIBPYTHON, "/opt/py/bin/python3.11"), 64);
    }

    /** Runs the paused work of {@code stacks} over a pause that stopped {@code threads}. */
    private static void pauseWith(NativeStacks stacks, Long... threads) {
        SampleRequest request = stacks.whilePaused(SampleRequest.stacks(true, null));
        request.whilePaused().run(new PauseHandle() {
            @Override
            public List<Long> stoppedThreads() {
                return List.of(threads);
            }

            @Override
            public Optional<Registers> registers(long osThreadId) {
                return osThreadId == 99 ? Optional.empty()
                        : Optional.of(new Registers(TargetArch.X86_64, new long[Registers.X86_64_COUNT]));
            }

            @Override
            public void close() {
            }
        });
    }

    private static StackTrace pythonThread(long osThreadId, Frame... frames) {
        return thread(40, osThreadId * 10, "t" + osThreadId, osThreadId, true, false, frames);
    }

    private static Frame entry(String name) {
        return new Frame(name, "/app/" + name + ".py", null, null, 3, null, true, true);
    }

    @Test
    void everyStoppedThreadWithRegistersIsUnwoundWithTheCap() {
        try (NativeStacks stacks = open()) {
            pauseWith(stacks, 7L, 99L, 8L);
        }
        assertThat(unwinders.unwound()).containsExactly(7L, 8L);
        assertThat(unwinders.maxFrames()).containsOnly(64);
    }

    @Test
    void returnAddressesAreLookedUpOneByteBeforeButUnnamedFramesShowTheRealAddress() {
        unwinders.stack(7, NativeStack.complete(0x1000, 0x2000, 0x3000));
        symbols.symbol(0x1000, EXTENSION, "spin").symbol(0x2fff, LIBPYTHON, "_PyEval_EvalFrameDefault")
                .symbol(NativeSymbol.unnamed(0x1fff, EXTENSION));
        try (NativeStacks stacks = open()) {
            pauseWith(stacks, 7L);
            NativeStacks.MergedSample merged = stacks.merge(List.of(pythonThread(7, entry("main"))));

            assertThat(merged.mismatches()).isEmpty();
            assertThat(merged.traces()).singleElement().satisfies(trace -> assertThat(trace.frames())
                    .extracting(Frame::name).containsExactly("spin", "0x2000", "main"));
        }
        assertThat(symbols.lookups()).containsExactly(0x1000L, 0x1fffL, 0x2fffL);
    }

    @Test
    void anAddressInNoKnownMappingReReadsTheMapsOncePerSample() {
        unwinders.stack(7, NativeStack.complete(0x1000, 0x2000, 0x3000));
        symbols.appearingAfterRefresh(new NativeSymbol(0x1000, "/app/late.so", "late", "late", null, 0));
        try (NativeStacks stacks = open()) {
            pauseWith(stacks, 7L);
            List<Frame> frames = stacks.merge(List.of(pythonThread(7))).traces().get(0).frames();
            assertThat(frames).extracting(Frame::name).containsExactly("late", "0x2000", "0x3000");
            assertThat(frames).extracting(Frame::module).containsExactly("/app/late.so", "?", "?");
            assertThat(symbols.refreshes()).isEqualTo(1);
            assertThat(unwinders.refreshes()).isEqualTo(1);

            pauseWith(stacks, 7L);
            stacks.merge(List.of(pythonThread(7)));
            assertThat(symbols.refreshes()).isEqualTo(2);
        }
    }

    @Test
    void aThreadWhoseStacksDoNotMatchIsLeftOutAndItsMismatchCounted() {
        unwinders.stack(7, new NativeStack(new long[] {0x3000}, "no call-frame information"));
        unwinders.stack(8, NativeStack.complete(0x4000, 0x5000));
        symbols.symbol(0x3000, LIBPYTHON, "_PyEval_EvalFrameDefault").symbol(0x4000, LIBC, "clock_nanosleep")
                .symbol(0x4fff, LIBPYTHON, "_PyEval_EvalFrameDefault");
        try (NativeStacks stacks = open()) {
            pauseWith(stacks, 7L, 8L);
            StackTrace mismatched = pythonThread(7, entry("a"), entry("b"), entry("c"));
            StackTrace fine = pythonThread(8, entry("sleeper"));

            NativeStacks.MergedSample merged = stacks.merge(List.of(mismatched, fine));

            assertThat(merged.traces()).singleElement().satisfies(trace -> {
                assertThat(trace.osThreadId()).isEqualTo(8);
                assertThat(trace.frames()).extracting(Frame::name).containsExactly("clock_nanosleep", "sleeper");
            });
            assertThat(merged.mismatches()).singleElement().satisfies(failure -> {
                assertThat(failure.reason()).hasValue(NativeStacks.MISMATCH_REASON);
                assertThat(failure.getMessage()).isEqualTo("native and Python stacks do not match in thread 7: the"
                        + " native stack has evaluation calls for 1 of 3 Python frames (the native unwind ended"
                        + " early: no call-frame information)");
            });
        }
    }

    @Test
    void aThreadNotUnwoundKeepsItsPythonStack() {
        unwinders.stack(7, NativeStack.complete(0x4000));
        symbols.symbol(0x4000, LIBC, "clock_nanosleep");
        try (NativeStacks stacks = open()) {
            pauseWith(stacks, 7L);
            StackTrace startedAfterThePause = pythonThread(9, entry("new"));
            StackTrace noOsThreadId = thread(40, 1, "x", 0, true, false, entry("old"));

            NativeStacks.MergedSample merged = stacks.merge(List.of(startedAfterThePause, noOsThreadId));

            assertThat(merged.traces()).containsExactly(startedAfterThePause, noOsThreadId);
            // Each pause's stacks serve one sample: the next sample without a pause merges nothing.
            assertThat(stacks.merge(List.of(pythonThread(7, entry("main")))).traces().get(0).frames())
                    .extracting(Frame::name).containsExactly("main");
        }
    }

    @Test
    void closingClosesTheUnwinderAndTheResolver() {
        open().close();

        assertThat(unwinders.closes()).isEqualTo(1);
        assertThat(symbols.closes()).isEqualTo(1);
    }

    @Test
    void aRequestThatDoesNotPauseIsRefused() {
        try (NativeStacks stacks = open()) {
            assertThatThrownBy(() -> stacks.whilePaused(SampleRequest.stacks(false, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("native stacks need the target paused");
        }
    }
}
