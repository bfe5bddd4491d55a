// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a thread's stack in few system calls, and around an unreadable guard page inside the stack mapping. */
class StackMemoryTest {
    private static final long MAPPING_START = 0x7f00_0000_0000L;
    private static final long MAPPING_END = MAPPING_START + 0x20000;
    private static final long GUARD_PAGE = MAPPING_START + 0x10000;
    private static final MemoryRegion MAPPING = new MemoryRegion(MAPPING_START, MAPPING_END, "rw-p", 0, "");

    @Test
    void aShallowStackIsReadInOneCall() {
        FakeProcessMemory memory = readableExceptGuard();
        StackMemory stack = new StackMemory(memory);
        long sp = MAPPING_START + 0x100;

        stack.start(sp, Optional.of(MAPPING));

        for (long address = sp; address < sp + 0x1000; address += 8) {
            assertThat(stack.readLong(address)).isEqualTo(address);
        }
        assertThat(stack.reads()).isEqualTo(1);
    }

    @Test
    void aGuardPageInTheMappingAboveTheStackDoesNotStopTheReadsBelowIt() {
        FakeProcessMemory memory = readableExceptGuard();
        StackMemory stack = new StackMemory(memory);
        // 16 KiB below the guard: the first 32 KiB window would reach over it.
        long sp = GUARD_PAGE - 0x4000;

        stack.start(sp, Optional.of(MAPPING));

        for (long address = sp; address < GUARD_PAGE; address += 8) {
            assertThat(stack.readLong(address)).isEqualTo(address);
        }
        assertThat(stack.reads()).as("one failed wide read, then page by page").isLessThanOrEqualTo(1 + 4);
        assertThatThrownBy(() -> stack.readLong(GUARD_PAGE + 8)).isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
        assertThat(stack.readLong(GUARD_PAGE + 0x1000)).as("beyond the guard, read directly")
                .isEqualTo(GUARD_PAGE + 0x1000);
    }

    /** The whole mapping holds each word's own address, but for one page that cannot be read. */
    private static FakeProcessMemory readableExceptGuard() {
        FakeProcessMemory memory = new FakeProcessMemory();
        for (long address = MAPPING_START; address < MAPPING_END; address += 8) {
            if (address < GUARD_PAGE || address >= GUARD_PAGE + 0x1000) {
                memory.putLong(address, address);
            }
        }
        return memory;
    }
}
