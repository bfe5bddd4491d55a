// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started with SIGINT, SIGTERM and SIGHUP ignored gets SIGINT and SIGTERM back at their default disposition,
 * so that handlers can be installed for them, and nothing else changes.
 */
@EnabledOnOs(OS.LINUX)
class RestoreStopSignalsIT {
    private static final int SIGHUP = 1;
    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;

    @TempDir
    Path work;

    @Test
    void ignoredStopSignalsGetTheirDefaultBackAndOtherSignalsStayAsTheyWere() throws Exception {
        String output = ChildJvm.run(work, List.of("env", "--ignore-signal=INT,TERM,HUP"),
                RestoreStopSignalsMain.class);

        List<String> masks = output.lines().toList();
        assertThat(masks).as(output).hasSize(2);
        BigInteger before = new BigInteger(masks.get(0), 16);
        BigInteger after = new BigInteger(masks.get(1), 16);
        assertThat(List.of(ignored(before, SIGINT), ignored(before, SIGTERM), ignored(before, SIGHUP)))
                .as("ignored at the start: %s", masks.get(0)).containsExactly(true, true, true);
        assertThat(List.of(ignored(after, SIGINT), ignored(after, SIGTERM), ignored(after, SIGHUP)))
                .as("ignored after restoring: %s", masks.get(1)).containsExactly(false, false, true);
        assertThat(after.setBit(SIGINT - 1).setBit(SIGTERM - 1)).as("every other signal as it was").isEqualTo(before);
    }

    /** Signal n is bit n-1 of the mask. */
    private static boolean ignored(BigInteger mask, int signal) {
        return mask.testBit(signal - 1);
    }
}
