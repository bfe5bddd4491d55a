// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fixed-size structures decode from bytes laid out as the SDK headers say, and short ones are refused. */
class WindowsStructuresTest {
    @Test
    void memoryBasicInformationFields() {
        MemoryBasicInformation info = MemoryBasicInformation.decode(WindowsStructs.memoryBasicInformation(
                0x7ff8_1234_0000L, 0x7ff8_1230_0000L, 0x3000, MemoryBasicInformation.MEM_COMMIT, 0x20,
                MemoryBasicInformation.MEM_IMAGE));

        assertThat(info.baseAddress()).isEqualTo(0x7ff8_1234_0000L);
        assertThat(info.allocationBase()).isEqualTo(0x7ff8_1230_0000L);
        assertThat(info.regionSize()).isEqualTo(0x3000);
        assertThat(info.end()).isEqualTo(0x7ff8_1234_3000L);
        assertThat(info.isCommitted()).isTrue();
        assertThat(info.protect()).isEqualTo(0x20);
        assertThat(info.type()).isEqualTo(MemoryBasicInformation.MEM_IMAGE);
    }

    @Test
    void moduleEntryFields() {
        ModuleEntry module = ModuleEntry.decode(WindowsStructs.moduleEntry(4242, 0x7ffb_5a10_0000L, 0x6c_2000,
                "C:\\Program Files\\Python313\\python313.dll"));

        assertThat(module.base()).isEqualTo(0x7ffb_5a10_0000L);
        assertThat(module.size()).isEqualTo(0x6c_2000);
        assertThat(module.name()).isEqualTo("python313.dll");
        assertThat(module.path()).isEqualTo("C:\\Program Files\\Python313\\python313.dll");
        assertThat(module.contains(0x7ffb_5a10_0000L)).isTrue();
        assertThat(module.contains(0x7ffb_5a10_0000L + 0x6c_1fff)).isTrue();
        assertThat(module.contains(0x7ffb_5a10_0000L + 0x6c_2000)).isFalse();
        assertThat(module.contains(0x7ffb_5a0f_ffffL)).isFalse();
    }

    @Test
    void aPathThatFillsItsWholeArrayEndsAtTheArray() {
        byte[] entry = WindowsStructs.moduleEntry(1, 0x1000, 0x1000, "C:\\a.dll");
        Arrays.fill(entry, 560, 1080, (byte) 'a');

        assertThat(ModuleEntry.decode(entry).path()).hasSize(260);
    }

    @Test
    void threadEntryFields() {
        ThreadEntry thread = ThreadEntry.decode(WindowsStructs.threadEntry(0xfffffff0L, 4242));

        assertThat(thread.threadId()).isEqualTo(0xfffffff0L);
        assertThat(thread.ownerProcessId()).isEqualTo(4242);
    }

    @Test
    void shortStructuresAreMalformed() {
        assertMalformed(() -> MemoryBasicInformation.decode(new byte[47]),
                "malformed MEMORY_BASIC_INFORMATION from Windows: 47 bytes, not 48");
        assertMalformed(() -> ModuleEntry.decode(new byte[1079]),
                "malformed MODULEENTRY32W from Windows: 1079 bytes, not 1080");
        assertMalformed(() -> ThreadEntry.decode(new byte[27]),
                "malformed THREADENTRY32 from Windows: 27 bytes, not 28");
    }

    static void assertMalformed(Runnable decode, String message) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(SpyException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT)).hasMessage(message);
    }
}
