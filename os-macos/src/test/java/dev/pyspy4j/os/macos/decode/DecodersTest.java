// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each decoder on bytes laid out field by field as xnu's headers declare the structure (offsets written out here,
 * not computed by the decoder), and on a structure that came back short.
 */
class DecodersTest {
    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void vmRegionBasicInfo64HasItsOffsetAtByte20UnderPack4() {
        ByteBuffer info = little(36);
        info.putInt(0, 5).putInt(4, 7).putInt(8, 1).putInt(12, 0).putInt(16, 0)
                .putLong(20, 0x0000_0012_3456_7000L).putInt(28, 0).putShort(32, (short) 0);

        VmRegionBasicInfo64 decoded = VmRegionBasicInfo64.decode(info.array());
        assertThat(decoded).isEqualTo(new VmRegionBasicInfo64(5, false, 0x12_3456_7000L));
        assertThat(decoded.permissions()).isEqualTo("r-xp");
        assertThat(new VmRegionBasicInfo64(3, true, 0).permissions()).isEqualTo("rw-s");
        assertThat(new VmRegionBasicInfo64(7, false, 0).permissions()).isEqualTo("rwxp");
        assertThat(new VmRegionBasicInfo64(0, false, 0).permissions()).isEqualTo("---p");
    }

    @Test
    void threadBasicInfoHasRunStateAndFlagsAfterTheTwoTimeValues() {
        ByteBuffer info = little(40);
        info.putInt(0, 12).putInt(4, 345).putInt(8, 6).putInt(12, 789).putInt(16, 250).putInt(20, 1)
                .putInt(24, ThreadBasicInfo.TH_STATE_RUNNING).putInt(28, ThreadBasicInfo.TH_FLAGS_IDLE)
                .putInt(32, 2).putInt(36, 0);

        assertThat(ThreadBasicInfo.decode(info.array())).isEqualTo(new ThreadBasicInfo(1, 2, 2));
    }

    @Test
    void threadIdentifierInfoIsThreeUint64() {
        ByteBuffer info = little(24);
        info.putLong(0, 0x0000_0000_0012_d687L).putLong(8, 0x0000_0001_6f60_30e0L).putLong(16, 0x1_0000_0000L);

        assertThat(ThreadIdentifierInfo.decode(info.array()))
                .isEqualTo(new ThreadIdentifierInfo(0x12_d687L, 0x1_6f60_30e0L));
    }

    @Test
    void threadExtendedInfoHasItsNameAfterTwoTimesAndEightInts() {
        ByteBuffer info = little(112);
        info.putLong(0, 123_456).putLong(8, 7_890).putInt(16, 12).putInt(20, 1).putInt(24, 3).putInt(28, 0)
                .putInt(32, 4).putInt(36, 31).putInt(40, 31).putInt(44, 63)
                .put(48, "asyncio_0\0garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(ThreadExtendedInfo.name(info.array())).isEqualTo("asyncio_0");

        byte[] full = little(112).array();
        java.util.Arrays.fill(full, 48, 112, (byte) 'n');
        assertThat(ThreadExtendedInfo.name(full)).hasSize(64);
        assertThat(ThreadExtendedInfo.name(little(112).array())).isEmpty();
    }

    @Test
    void x86ThreadState64IsReorderedIntoDwarfNumbers() {
        String[] order = {"rax", "rbx", "rcx", "rdx", "rdi", "rsi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12",
            "r13", "r14", "r15", "rip", "rflags", "cs", "fs", "gs"};
        ByteBuffer state = little(168);
        for (int slot = 0; slot < order.length; slot++) {
            state.putLong(slot * 8, 0x1000L * (slot + 1));
        }

        Registers registers = X86ThreadState64.decode(state.array());
        assertThat(registers.get(0)).as("rax").isEqualTo(0x1000);
        assertThat(registers.get(1)).as("rdx").isEqualTo(0x4000);
        assertThat(registers.get(2)).as("rcx").isEqualTo(0x3000);
        assertThat(registers.get(3)).as("rbx").isEqualTo(0x2000);
        assertThat(registers.get(4)).as("rsi").isEqualTo(0x6000);
        assertThat(registers.get(5)).as("rdi").isEqualTo(0x5000);
        assertThat(registers.framePointer()).as("rbp").isEqualTo(0x7000);
        assertThat(registers.stackPointer()).as("rsp").isEqualTo(0x8000);
        assertThat(registers.get(8)).as("r8").isEqualTo(0x9000);
        assertThat(registers.get(15)).as("r15").isEqualTo(0x10000);
        assertThat(registers.instructionPointer()).as("rip").isEqualTo(0x11000);
    }

    @Test
    void procArgs2SkipsThePaddingAfterTheExecutablePathAndStopsAtArgc() {
        byte[] area = bytes(2, "/opt/homebrew/bin/python3\0\0\0\0\0\0python3\0app.py\0PATH=/usr/bin\0");

        assertThat(ProcArgs2.decode(area)).isEqualTo(new ProcArgs2("/opt/homebrew/bin/python3",
                java.util.List.of("python3", "app.py")));
        assertThat(ProcArgs2.decode(bytes(0, "/bin/zsh\0")).arguments()).isEmpty();
        assertThat(ProcArgs2.decode(bytes(1, "/x\0\0\0\u00e9t\u00e9\0")).arguments()).containsExactly("\u00e9t\u00e9");
    }

    @Test
    void malformedProcArgs2AreRefusedWithWhatIsWrong() {
        assertMalformed(() -> ProcArgs2.decode(new byte[3]), "malformed KERN_PROCARGS2 area from the kernel: 3 bytes,"
                + " shorter than its 4");
        assertMalformed(() -> ProcArgs2.decode(bytes(-1, "/x\0")), "argc -1 does not fit in 7 bytes");
        assertMalformed(() -> ProcArgs2.decode(bytes(1000, "/x\0")), "argc 1000 does not fit in 7 bytes");
        assertMalformed(() -> ProcArgs2.decode(bytes(1, "/no/terminator")), "the executable path at byte 4 is not"
                + " NUL-terminated");
        assertMalformed(() -> ProcArgs2.decode(bytes(3, "/x\0a\0b\0")), "argument 2 at byte 11 is not NUL-terminated");
    }

    @Test
    void shortStructuresAreRefused() {
        assertMalformed(() -> VmRegionBasicInfo64.decode(new byte[32]),
                "malformed vm_region_basic_info_64 from the kernel: 32 bytes, shorter than its 36");
        assertMalformed(() -> ThreadBasicInfo.decode(new byte[0]), "thread_basic_info from the kernel: 0 bytes");
        assertMalformed(() -> ThreadIdentifierInfo.decode(null), "thread_identifier_info from the kernel: 0 bytes");
        assertMalformed(() -> X86ThreadState64.decode(new byte[167]), "x86_thread_state64 from the kernel: 167");
        assertMalformed(() -> ThreadExtendedInfo.name(new byte[111]), "thread_extended_info from the kernel: 111");
    }

    private static void assertMalformed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SpyException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT)).hasMessageContaining(message);
    }

    private static byte[] bytes(int argc, String rest) {
        byte[] text = rest.getBytes(StandardCharsets.UTF_8);
        return little(4 + text.length).putInt(argc).put(text).array();
    }
}
