// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status, cmdline and syscall: the small /proc files. */
class SmallProcFilesTest {
    @Test
    void statusGivesTracerAndThreadGroup() {
        ProcStatus status = ProcStatus.parse("Name:\tpython3.11\nState:\tS (sleeping)\nTgid:\t4242\n"
                + "Pid:\t4243\nTracerPid:\t77\n", "status");
        assertThat(status.tracerPid()).hasValue(77);
        assertThat(status.threadGroupId()).hasValue(4242);
        assertThat(status.field("State")).isEqualTo("S (sleeping)");
    }

    @Test
    void statusWithoutKeysIsRejected() {
        assertThatThrownBy(() -> ProcStatus.parse("Name:\tx\nno colon here\n", "/proc/9/status"))
                .hasMessage("malformed /proc/9/status: line without 'key:' in 'no colon here'");
    }

    @Test
    void cmdlineSplitsAtNulAndKeepsEmptyArguments() {
        byte[] bytes = "python3.11\0-c\0\0x y\0".getBytes(StandardCharsets.UTF_8);
        assertThat(ProcCmdline.parse(bytes)).containsExactly("python3.11", "-c", "", "x y");
    }

    @Test
    void cmdlineWithoutFinalNulKeepsTheLastArgument() {
        byte[] bytes = "worker: idle".getBytes(StandardCharsets.UTF_8);
        assertThat(ProcCmdline.parse(bytes)).isEqualTo(List.of("worker: idle"));
    }

    @Test
    void syscallFileShapes() {
        assertThat(syscall("running\n")).isEqualTo(ProcSyscall.RUNNING);
        assertThat(syscall("230 0x1 0x1 0x7ffc 0x0 0x0 0x0 0x7ffc0 0x7f12\n")).isEqualTo(230);
        assertThat(syscall("0 0x3 0x7f 0x20000 0x7f 0xff 0x0 0x7ffd 0x7f30\n")).isZero();
        assertThat(syscall("-1 0x7ffc5 0x55d0\n")).isEqualTo(ProcSyscall.NONE);
        assertThat(syscall("abc")).isEqualTo(ProcSyscall.MALFORMED);
        assertThat(syscall("")).isEqualTo(ProcSyscall.MALFORMED);
    }

    private static int syscall(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ProcSyscall.syscallOf(ByteBuffer.wrap(bytes), bytes.length);
    }
}
