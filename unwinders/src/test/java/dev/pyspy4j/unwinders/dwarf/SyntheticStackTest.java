// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import dev.pyspy4j.unwinders.framepointer.FramePointerUnwinderProvider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop rules of both pure-Java unwinders on hand-made stacks: the CFI of a small assembled library placed in a
 * fake process at {@link #LIBRARY}, code without any CFI at {@link #ANONYMOUS_CODE}, and a stack at {@link #STACK}.
 */
class SyntheticStackTest {
    static final long LIBRARY = 0x7f0000000000L;
    static final long ANONYMOUS_CODE = 0x500000L;
    static final long STACK = 0x7ffd00000000L;
    static final int STACK_SIZE = 256 * 1024;
    static final String LIBRARY_PATH = "/usr/lib/stop_rules.so";

    @TempDir
    static Path build;
    static Path library;
    static ElfFile elf;

    @BeforeAll
    static void assemble() throws Exception {
        library = build.resolve("stop_rules.so");
        Path source = Path.of(SyntheticStackTest.class.getResource("/cfi/stop_rules.s").toURI());
        assertThat(new ProcessBuilder("gcc", "-shared", "-nostdlib", "-o", library.toString(), source.toString())
                .inheritIO().start().waitFor()).isZero();
        elf = ElfFile.open(library);
    }

    /** A stack of {@link #STACK_SIZE} bytes whose top (lowest) part the test fills with longs. */
    static final class Stack {
        final ByteBuffer bytes = ByteBuffer.allocate(STACK_SIZE).order(ByteOrder.LITTLE_ENDIAN);

        Stack put(long address, long value) {
            bytes.putLong((int) (address - STACK), value);
            return this;
        }
    }

    static long symbol(String name) {
        return LIBRARY + elf.symbol(name).orElseThrow().st_value;
    }

    static Registers registers(long ip, long sp, long bp) {
        long[] values = new long[Registers.X86_64_COUNT];
        values[Registers.X86_64_RIP] = ip;
        values[Registers.X86_64_RSP] = sp;
        values[Registers.X86_64_RBP] = bp;
        return new Registers(TargetArch.X86_64, values);
    }

    static CapturedProcess process(FakeProcessMemory memory) throws Exception {
        long librarySize = (Files.size(library) + 0xfff) & ~0xfffL;
        List<MemoryRegion> regions = List.of(
                new MemoryRegion(ANONYMOUS_CODE, ANONYMOUS_CODE + 0x1000, "r-xp", 0, ""),
                new MemoryRegion(LIBRARY, LIBRARY + librarySize, "r-xp", 0, LIBRARY_PATH),
                new MemoryRegion(STACK, STACK + STACK_SIZE, "rw-p", 0, "[stack]"));
        return new CapturedProcess(memory, regions, Map.of(LIBRARY_PATH, library));
    }

    static NativeStack dwarf(Stack stack, Registers registers, int maxFrames) throws Exception {
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(process(memoryOf(stack)))) {
            return unwinder.unwind(1, registers, maxFrames);
        }
    }

    static NativeStack framePointer(Stack stack, Registers registers, int maxFrames) throws Exception {
        try (NativeUnwinder unwinder = new FramePointerUnwinderProvider().open(process(memoryOf(stack)))) {
            return unwinder.unwind(1, registers, maxFrames);
        }
    }

    static FakeProcessMemory memoryOf(Stack stack) {
        return new FakeProcessMemory().put(STACK, stack.bytes.array());
    }

    @Test
    void anUndefinedReturnAddressIsTheOutermostFrame() throws Exception {
        long ip = symbol("outermost");
        assertThat(dwarf(new Stack(), registers(ip, STACK + 0x100, 0), 10))
                .isEqualTo(new NativeStack(new long[] {ip}, new long[] {STACK + 0x100}, null));
    }

    @Test
    void aFrameWithCfiUnwindsToItsCaller() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("framed_body");
        long returnAddress = symbol("outermost") + 1;
        Stack stack = new Stack().put(sp + 24, returnAddress);
        // The caller's stack pointer is the canonical frame address: just above the return address.
        assertThat(dwarf(stack, registers(ip, sp, 0), 10))
                .isEqualTo(new NativeStack(new long[] {ip, returnAddress}, new long[] {sp, sp + 32}, null));
    }

    @Test
    void aZeroReturnAddressEndsTheStackEarly() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("framed_body");
        NativeStack stack = dwarf(new Stack().put(sp + 24, 0), registers(ip, sp, 0), 10);
        assertThat(stack.addresses()).containsExactly(ip);
        assertThat(stack.endedEarlyBecause()).get().asString().contains("is 0");
    }

    @Test
    void aReturnAddressOutsideCodeEndsTheStackEarly() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("framed_body");
        NativeStack stack = dwarf(new Stack().put(sp + 24, STACK + 0x500), registers(ip, sp, 0), 10);
        assertThat(stack.addresses()).containsExactly(ip);
        assertThat(stack.endedEarlyBecause()).get().asString().contains("not in executable memory");
    }

    @Test
    void aCfaThatDoesNotGrowEndsTheStackEarly() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("no_growth");
        NativeStack stack = dwarf(new Stack().put(sp - 8, symbol("framed_body") + 1), registers(ip, sp, 0), 10);
        assertThat(stack.addresses()).containsExactly(ip);
        assertThat(stack.endedEarlyBecause()).get().asString().contains("did not grow");
    }

    @Test
    void malformedCfiEndsTheStackEarlyInsteadOfFallingBack() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("malformed");
        // a perfect frame-pointer chain is there, but the CFI is broken: no guessing
        Stack stack = new Stack().put(sp + 0x40, 0).put(sp + 0x48, symbol("outermost") + 1);
        NativeStack result = dwarf(stack, registers(ip, sp, sp + 0x40), 10);
        assertThat(result.addresses()).containsExactly(ip);
        assertThat(result.endedEarlyBecause()).get().asString().contains("malformed call-frame information");
    }

    @Test
    void codeWithoutCfiIsUnwoundThroughItsFramePointer() throws Exception {
        long sp = STACK + 0x100;
        long rbp = sp + 0x20;
        long ip = ANONYMOUS_CODE + 0x10;
        long returnAddress = symbol("outermost") + 1;
        Stack stack = new Stack().put(rbp, 0).put(rbp + 8, returnAddress);
        assertThat(dwarf(stack, registers(ip, sp, rbp), 10))
                .isEqualTo(new NativeStack(new long[] {ip, returnAddress}, new long[] {sp, rbp + 16}, null));
    }

    @Test
    void aDeepStackIsCutAtMaxFramesAndReadInFewSystemCalls() throws Exception {
        long sp = STACK + 0x100;
        long ip = symbol("framed_body");
        Stack stack = new Stack();
        int depth = 5000; // 32 bytes a frame: 160 KiB of stack, beyond the first window
        for (int i = 0; i < depth; i++) {
            stack.put(sp + 32L * i + 24, ip + 1);
        }
        stack.put(sp + 32L * depth + 24, 0);
        FakeProcessMemory memory = memoryOf(stack);
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(process(memory))) {
            NativeStack cut = unwinder.unwind(1, registers(ip, sp, 0), 100);
            assertThat(cut.size()).isEqualTo(100);
            assertThat(cut.endedEarlyBecause()).hasValue("the stack is deeper than 100 frames");
            int before = memory.readCalls();
            NativeStack deep = unwinder.unwind(1, registers(ip, sp, 0), 10_000);
            assertThat(deep.size()).isEqualTo(depth + 1);
            assertThat(deep.endedEarlyBecause()).get().asString().contains("is 0");
            assertThat(memory.readCalls() - before).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void theFramePointerChainEndsAtAZeroFramePointer() throws Exception {
        long sp = STACK + 0x100;
        long first = sp + 0x20;
        long second = sp + 0x80;
        long ip = ANONYMOUS_CODE + 0x10;
        Stack stack = new Stack().put(first, second).put(first + 8, ANONYMOUS_CODE + 0x20)
                .put(second, 0).put(second + 8, ANONYMOUS_CODE + 0x30);
        assertThat(framePointer(stack, registers(ip, sp, first), 10))
                .isEqualTo(new NativeStack(new long[] {ip, ANONYMOUS_CODE + 0x20, ANONYMOUS_CODE + 0x30},
                        new long[] {sp, first + 16, second + 16}, null));
    }

    @Test
    void theFramePointerChainStopsAtACycleABadReturnAddressAndMaxFrames() throws Exception {
        long sp = STACK + 0x100;
        long rbp = sp + 0x20;
        long ip = ANONYMOUS_CODE + 0x10;
        NativeStack cycle = framePointer(new Stack().put(rbp, rbp).put(rbp + 8, ANONYMOUS_CODE + 0x20),
                registers(ip, sp, rbp), 10);
        assertThat(cycle.addresses()).containsExactly(ip, ANONYMOUS_CODE + 0x20);
        assertThat(cycle.endedEarlyBecause()).get().asString().contains("is no frame pointer");

        NativeStack zero = framePointer(new Stack().put(rbp, 0).put(rbp + 8, 0), registers(ip, sp, rbp), 10);
        assertThat(zero.addresses()).containsExactly(ip);
        assertThat(zero.endedEarlyBecause()).get().asString().contains("is 0");

        NativeStack data = framePointer(new Stack().put(rbp, 0).put(rbp + 8, STACK + 8), registers(ip, sp, rbp), 10);
        assertThat(data.endedEarlyBecause()).get().asString().contains("not in executable memory");

        Stack chain = new Stack();
        for (int i = 0; i < 20; i++) {
            chain.put(rbp + 16L * i, rbp + 16L * (i + 1)).put(rbp + 16L * i + 8, ANONYMOUS_CODE + 0x20);
        }
        NativeStack cut = framePointer(chain, registers(ip, sp, rbp), 5);
        assertThat(cut.size()).isEqualTo(5);
        assertThat(cut.endedEarlyBecause()).hasValue("the stack is deeper than 5 frames");
    }
}
