// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DWARF unwinder on threads captured from a static -O2 program (see os-linux's UnwindFixtureCaptureMain): a
 * CFI-only call chain, a chain built with frame pointers and no CFI (the fallback), a thread stopped in a signal
 * handler (the trampoline), and the main thread blocked in glibc. The expected stacks are gdb's.
 */
class CapturedStackTest {
    private static CapturedThreads fixture;
    private static FixtureSymbols symbols;

    @BeforeAll
    static void load() throws Exception {
        fixture = CapturedThreads.load("static-o2");
        symbols = new FixtureSymbols(fixture.binary());
    }

    @Test
    void everyThreadUnwindsToGdbsStack() {
        assertThat(fixture.threads()).hasSize(4);
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(fixture.process())) {
            for (CapturedThreads.Thread thread : fixture.threads()) {
                NativeStack stack = unwinder.unwind(thread.tid(), thread.registers(), 128);
                List<String> names = symbols.names(stack, thread.expected());
                assertThat(stack.endedEarlyBecause()).as("thread %d: %s", thread.tid(), names).isEmpty();
                if (thread.endsAtMain()) {
                    // gdb stops at main; the unwinder goes on through glibc's start code to _start
                    assertThat(names).as("thread %d", thread.tid()).startsWith(thread.expected().toArray(String[]::new))
                            .endsWith("_start");
                } else {
                    assertThat(names).as("thread %d", thread.tid()).isEqualTo(thread.expected());
                }
            }
        }
    }

    @Test
    void theFixtureHasEachKindOfFrame() {
        List<String> all = fixture.threads().stream().flatMap(thread -> thread.expected().stream()).toList();
        assertThat(all).contains("cfi_leaf", "fp_leaf", "fp_middle", "<signal-handler-called>",
                "__futex_abstimed_wait_common");
    }

    @Test
    void eachStackIsReadInOneSystemCall() {
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(fixture.process())) {
            for (CapturedThreads.Thread thread : fixture.threads()) {
                int before = fixture.memory().readCalls();
                unwinder.unwind(thread.tid(), thread.registers(), 128);
                assertThat(fixture.memory().readCalls() - before).as("reads for thread %d", thread.tid()).isEqualTo(1);
            }
        }
    }

    @Test
    void maxFramesCutsTheStackAndSaysSo() {
        CapturedThreads.Thread cfi = fixture.threads().stream()
                .filter(thread -> thread.expected().contains("cfi_leaf")).findFirst().orElseThrow();
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(fixture.process())) {
            NativeStack stack = unwinder.unwind(cfi.tid(), cfi.registers(), 3);
            assertThat(symbols.names(stack, cfi.expected())).isEqualTo(cfi.expected().subList(0, 3));
            assertThat(stack.endedEarlyBecause()).hasValue("the stack is deeper than 3 frames");
        }
    }
}
