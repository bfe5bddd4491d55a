// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** py-spy's default output names: program or pid, local time to the second, the format's extension. */
class OutputNamesTest {
    private static final ZonedDateTime PARIS = ZonedDateTime.of(2026, 11, 26, 18, 4, 5, 987_000_000,
            ZoneId.of("Europe/Paris"));

    @Test
    void pidAndLocalTimeWithItsOffset() {
        assertThat(OutputNames.defaultName("6685", PARIS, "svg")).isEqualTo("6685-2026-11-26T18:04:05+01:00.svg");
    }

    @Test
    void utcIsWrittenZ() {
        assertThat(OutputNames.defaultName("6685", PARIS.withZoneSameInstant(ZoneOffset.UTC), "json"))
                .isEqualTo("6685-2026-11-26T17:04:05Z.json");
    }

    @Test
    void aProgramGivesItsBaseName() {
        assertThat(OutputNames.defaultName("/usr/bin/python3", PARIS, "txt"))
                .isEqualTo("python3-2026-11-26T18:04:05+01:00.txt");
        assertThat(OutputNames.defaultName("python", PARIS, "txt")).startsWith("python-2026-");
    }

    @Test
    void aProgramPathEndingInASlashStillGivesAName() {
        assertThat(OutputNames.defaultName("./bin/", PARIS, "svg")).isEqualTo("unknown-2026-11-26T18:04:05+01:00.svg");
    }
}
