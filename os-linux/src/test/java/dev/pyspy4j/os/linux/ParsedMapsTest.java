// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.os.linux.proc.ProcParseException;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedMapsTest {
    private static final String LIBRARY = "7f0000000000-7f0000001000 r-xp 00000000 08:01 42 /usr/lib/libpython3.11.so\n";
    private static final String HEAP = "5600000000-5600021000 rw-p 00000000 00:00 0 [heap]\n";

    private final ParsedMaps maps = new ParsedMaps();

    @Test
    void theSameTextGivesTheRegionsParsedBefore() {
        List<MemoryRegion> first = maps.regions(LIBRARY + HEAP, "maps");

        assertThat(maps.regions(new String(LIBRARY + HEAP), "maps")).isSameAs(first);
        assertThat(first).extracting(MemoryRegion::path).containsExactly("/usr/lib/libpython3.11.so", "[heap]");
    }

    @Test
    void aChangedTextIsParsedAgain() {
        maps.regions(LIBRARY, "maps");

        assertThat(maps.regions(LIBRARY + HEAP, "maps")).extracting(MemoryRegion::path)
                .containsExactly("/usr/lib/libpython3.11.so", "[heap]");
        assertThat(maps.regions(HEAP, "maps")).extracting(MemoryRegion::path).containsExactly("[heap]");
    }

    @Test
    void aTextThatDoesNotParseLeavesTheLastRegionsInPlaceForTheirOwnText() {
        List<MemoryRegion> parsed = maps.regions(LIBRARY, "maps");

        assertThatThrownBy(() -> maps.regions("not a maps line\n", "maps")).isInstanceOf(ProcParseException.class);
        assertThatThrownBy(() -> maps.regions("not a maps line\n", "maps")).isInstanceOf(ProcParseException.class);
        assertThat(maps.regions(LIBRARY, "maps")).isSameAs(parsed);
    }

    @Test
    void theRegionsCannotBeChangedByTheirReader() {
        List<MemoryRegion> regions = maps.regions(LIBRARY, "maps");

        assertThatThrownBy(() -> regions.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
