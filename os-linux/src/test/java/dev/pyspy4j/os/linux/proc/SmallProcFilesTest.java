// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status and cmdline: the small /proc files. */
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
}
