// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.MemoryBasicInformation.MEM_COMMIT;
import static dev.pyspy4j.os.windows.MemoryBasicInformation.MEM_IMAGE;
import static dev.pyspy4j.os.windows.MemoryBasicInformation.MEM_MAPPED;
import static dev.pyspy4j.os.windows.WindowsStructs.memoryBasicInformation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VirtualQueryEx walk: committed regions only, named after their module, with rwx flags; it always ends. */
class RegionMapperTest {
    private static final int MEM_RESERVE = 0x2000;
    private static final int MEM_FREE = 0x10000;
    private static final int MEM_PRIVATE = 0x20000;
    private static final long DLL = 0x7ffa_2000_0000L;
    private static final String DLL_PATH = "C:\\Python313\\python313.dll";

    @Test
    void committedRegionsWithTheirModuleAndPermissions() {
        ScriptedWindowsCalls calls = new ScriptedWindowsCalls(1);
        calls.regions.addAll(List.of(
                memoryBasicInformation(0, 0, 0x10000, MEM_FREE, 0x01, 0),
                memoryBasicInformation(0x10000, 0x10000, 0x2000, MEM_COMMIT, 0x04, MEM_PRIVATE),
                memoryBasicInformation(0x12000, 0x10000, 0x1000, MEM_COMMIT, 0x104, MEM_PRIVATE),
                memoryBasicInformation(0x13000, 0x10000, 0x5000, MEM_RESERVE, 0, MEM_PRIVATE),
                memoryBasicInformation(0x18000, 0x18000, 0x1000, MEM_COMMIT, 0x02, MEM_MAPPED),
                memoryBasicInformation(0x19000, 0, DLL - 0x19000, MEM_FREE, 0x01, 0),
                memoryBasicInformation(DLL, DLL, 0x1000, MEM_COMMIT, 0x02, MEM_IMAGE),
                memoryBasicInformation(DLL + 0x1000, DLL, 0x40_0000, MEM_COMMIT, 0x20, MEM_IMAGE),
                memoryBasicInformation(DLL + 0x40_1000, DLL, 0x2000, MEM_COMMIT, 0x08, MEM_IMAGE)));
        List<ModuleEntry> modules = List.of(ModuleEntry.decode(WindowsStructs.moduleEntry(1, DLL, 0x40_3000,
                DLL_PATH)));
        long process = calls.openProcess(0, 1);

        List<MemoryRegion> regions = RegionMapper.regions(calls, process, modules);

        assertThat(regions).containsExactly(
                new MemoryRegion(0x10000, 0x12000, "rw-p", 0, ""),
                new MemoryRegion(0x12000, 0x13000, "-w-p", 0, ""),
                new MemoryRegion(0x18000, 0x19000, "r--s", 0, ""),
                new MemoryRegion(DLL, DLL + 0x1000, "r--p", 0, DLL_PATH),
                new MemoryRegion(DLL + 0x1000, DLL + 0x40_1000, "r-xp", 0x1000, DLL_PATH),
                new MemoryRegion(DLL + 0x40_1000, DLL + 0x40_3000, "rw-p", 0x40_1000, DLL_PATH));
        assertThat(calls.log).last().isEqualTo("VirtualQueryEx 0x" + Long.toHexString(DLL + 0x40_3000));
    }

    @Test
    void aRegionThatDoesNotMoveTheWalkForwardEndsIt() {
        ScriptedWindowsCalls calls = new ScriptedWindowsCalls(1);
        calls.regions.add(memoryBasicInformation(0x10000, 0x10000, 0x1000, MEM_COMMIT, 0x04, MEM_PRIVATE));
        calls.queryAnswers.put(0x11000L, memoryBasicInformation(0x10000, 0x10000, 0x1000, MEM_COMMIT, 0x04,
                MEM_PRIVATE));
        calls.regions.add(memoryBasicInformation(0x40000, 0x40000, 0x1000, MEM_COMMIT, 0x04, MEM_PRIVATE));
        long process = calls.openProcess(0, 1);

        assertThat(RegionMapper.regions(calls, process, List.of()))
                .containsExactly(new MemoryRegion(0x10000, 0x11000, "rw-p", 0, ""));
    }

    @Test
    void aRegionThatWrapsPastTheTopEndsIt() {
        ScriptedWindowsCalls calls = new ScriptedWindowsCalls(1);
        calls.regions.add(memoryBasicInformation(0x10000, 0x10000, -0x10000L, MEM_COMMIT, 0x04, MEM_PRIVATE));
        long process = calls.openProcess(0, 1);

        assertThat(RegionMapper.regions(calls, process, List.of())).isEmpty();
    }

    @Test
    void permissionsFromPageProtections() {
        assertThat(RegionMapper.permissions(0x01, MEM_PRIVATE)).isEqualTo("---p");
        assertThat(RegionMapper.permissions(0x10, MEM_IMAGE)).isEqualTo("--xp");
        assertThat(RegionMapper.permissions(0x40, MEM_PRIVATE)).isEqualTo("rwxp");
        assertThat(RegionMapper.permissions(0x80, MEM_IMAGE)).isEqualTo("rwxp");
        assertThat(RegionMapper.permissions(0x204, MEM_PRIVATE)).isEqualTo("rw-p");
        assertThat(RegionMapper.permissions(0x120, MEM_IMAGE)).isEqualTo("--xp");
    }
}
