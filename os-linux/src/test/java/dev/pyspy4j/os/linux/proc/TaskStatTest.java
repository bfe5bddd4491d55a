// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stat parser, including command names that contain parentheses. */
class TaskStatTest {
    /** A python3.11 thread's stat line (Linux 6.18), its comm changed to contain ") R (" as a thread may do. */
    private static final String TRICKY = "4242 (evil) R (x) S 4200 4242 4100 34816 4242 4194560 1123 0 3 0 "
            + "17 5 0 0 20 0 3 0 98765 30842880 2450 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 "
            + "0 0 0\n";

    @Test
    void commEndsAtTheLastParenthesis() {
        TaskStat stat = TaskStat.parse(TRICKY, "stat");
        assertThat(stat.id()).isEqualTo(4242);
        assertThat(stat.comm()).isEqualTo("evil) R (x");
        assertThat(stat.state()).isEqualTo('S');
        assertThat(stat.parentPid()).isEqualTo(4200);
        assertThat(stat.userTicks()).isEqualTo(17);
        assertThat(stat.systemTicks()).isEqualTo(5);
        assertThat(stat.threadCount()).isEqualTo(3);
        assertThat(stat.flags()).isEqualTo(4194560);
        assertThat(stat.isExiting()).isFalse();
    }

    @Test
    void anExitingTaskIsToldByItsFlags() {
        // 4194564 is the flags above with PF_EXITING (0x4) set, as the kernel shows a task killed by exit_group.
        TaskStat stat = TaskStat.parse(TRICKY.replace(" 4194560 ", " 4194564 "), "stat");
        assertThat(stat.isExiting()).isTrue();
    }

    @Test
    void stateIsReadWithoutParsingTheWholeLine() {
        byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
        assertThat(TaskStat.stateOf(ByteBuffer.wrap(bytes), bytes.length)).isEqualTo('S');
        byte[] truncated = "12 (a) ".getBytes(StandardCharsets.UTF_8);
        assertThat(TaskStat.stateOf(ByteBuffer.wrap(truncated), truncated.length)).isEqualTo('\0');
    }

    @Test
    void rejectsTooFewFields() {
        assertThatThrownBy(() -> TaskStat.parse("1 (init) S 0 1", "/proc/1/stat"))
                .isInstanceOf(ProcParseException.class)
                .hasMessageStartingWith("malformed /proc/1/stat: too few fields after the command name");
    }

    @Test
    void rejectsANonNumericId() {
        assertThatThrownBy(() -> TaskStat.parse(TRICKY.replace("4242 (", "x (").replaceFirst("^", ""), "stat"))
                .hasMessageContaining("bad number 'x'");
    }
}
