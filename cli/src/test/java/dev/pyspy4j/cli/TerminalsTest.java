// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which devices behind standard error are terminals, where a status line can be redrawn. */
class TerminalsTest {
    @ParameterizedTest
    @CsvSource({
        "/dev/pts/3, true",
        "/dev/tty1, true",
        "/dev/ttyS0, true",
        "/dev/console, true",
        "/dev/null, false",
        "pipe:[123456], false",
        "/tmp/record.err, false",
        "socket:[42], false",
    })
    void terminalDevices(String device, boolean terminal) {
        assertThat(Terminals.isTerminalDevice(device)).isEqualTo(terminal);
    }
}
