// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maps parser on lines as the kernel writes them. */
class ProcMapsTest {
    /** Lines copied from a pyenv python3.11 on Linux 6.18, plus a path with spaces and an unlinked file. */
    private static final String MAPS = """
            55d0c4a5b000-55d0c4a5c000 r--p 00000000 fe:01 1183375                    /root/.pyenv/versions/3.11.7/bin/python3.11
            55d0c4a5c000-55d0c4a5d000 r-xp 00001000 fe:01 1183375                    /root/.pyenv/versions/3.11.7/bin/python3.11
            55d0c5f4e000-55d0c60a1000 rw-p 00000000 00:00 0                          [heap]
            7f1f2a400000-7f1f2a4b5000 r--p 00000000 fe:01 1183410                    /root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0
            7f1f2b000000-7f1f2b100000 rw-p 00000000 00:00 0 
            7f1f2c000000-7f1f2c001000 r--p 00002000 fe:01 99                         /opt/my app/lib with spaces.so
            7f1f2d000000-7f1f2d001000 r-xp 00000000 00:05 1234                       /memfd:jit (deleted)
            7ffd5c3a1000-7ffd5c3c2000 rw-p 00000000 00:00 0                          [stack]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void parsesEveryFieldOfEveryLine() {
        List<MemoryRegion> regions = ProcMaps.parse(MAPS, "maps");
        assertThat(regions).hasSize(9);
        assertThat(regions.get(1)).isEqualTo(new MemoryRegion(0x55d0c4a5c000L, 0x55d0c4a5d000L, "r-xp", 0x1000,
                "/root/.pyenv/versions/3.11.7/bin/python3.11"));
        assertThat(regions.get(2).path()).isEqualTo("[heap]");
        assertThat(regions.get(4).path()).isEmpty();
        assertThat(regions.get(8).start()).isEqualTo(0xffffffffff600000L);
    }

    @Test
    void keepsSpacesInsidePaths() {
        assertThat(ProcMaps.parse(MAPS, "maps").get(5).path()).isEqualTo("/opt/my app/lib with spaces.so");
        assertThat(ProcMaps.parse(MAPS, "maps").get(5).fileOffset()).isEqualTo(0x2000);
    }

    @Test
    void dropsTheDeletedSuffix() {
        assertThat(ProcMaps.parse(MAPS, "maps").get(6).path()).isEqualTo("/memfd:jit");
    }

    @Test
    void undoesTheKernelsNewlineEscape() {
        MemoryRegion region = ProcMaps.parseLine("1000-2000 r--p 00000000 00:01 5 /tmp/a\\012b", "maps");
        assertThat(region.path()).isEqualTo("/tmp/a\nb");
    }

    @Test
    void rejectsLinesWithoutTheRequiredFields() {
        assertThatThrownBy(() -> ProcMaps.parse("1000-2000 r--p\n", "/proc/7/maps"))
                .isInstanceOf(ProcParseException.class)
                .hasMessage("malformed /proc/7/maps: missing ' ' in '1000-2000 r--p'")
                .extracting(e -> ((ProcParseException) e).kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> ProcMaps.parseLine("2000-1000 r--p 0 00:01 5", "maps"))
                .hasMessageContaining("end is not after its start");
    }

    @Test
    void rejectsSignsInHexNumbers() {
        assertThatThrownBy(() -> ProcMaps.parseLine("+1000-2000 r--p 0 00:01 5", "maps"))
                .hasMessageContaining("bad hexadecimal number '+1000'");
    }
}
