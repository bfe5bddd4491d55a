// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import org.junit.jupiter.api.Test;

/** The memory map walked with scripted mach_vm_region answers. */
class MachRegionsTest {
    private static final String PYTHON = "/opt/homebrew/Frameworks/Python.framework/Versions/3.12/Python";
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @Test
    void regionsCarryProtectionOffsetAndFileAsProcMapsWould() {
        calls.region(0x1_0000_0000L, 0x4000, 5, 0, "/opt/homebrew/bin/python3.12");
        calls.region(0x1_0000_8000L, 0x4000, 3, 0x4000, "/opt/homebrew/bin/python3.12");
        calls.region(0x1_0200_0000L, 0x30_0000, 5, 0, PYTHON);
        calls.region(0x1_0230_0000L, 0x1_0000, 1, 0x30_0000, PYTHON);
        calls.region(0x6000_0000_0000L, 0x80_0000, 3, 0, "");
        calls.regions.add(new ScriptedMacCalls.Region(0x7ff8_0000_0000L, 0x1000, 1, true, 0, "/usr/lib/dyld"));

        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.regions()).containsExactly(
                    new MemoryRegion(0x1_0000_0000L, 0x1_0000_4000L, "r-xp", 0, "/opt/homebrew/bin/python3.12"),
                    new MemoryRegion(0x1_0000_8000L, 0x1_0000_c000L, "rw-p", 0x4000, "/opt/homebrew/bin/python3.12"),
                    new MemoryRegion(0x1_0200_0000L, 0x1_0230_0000L, "r-xp", 0, PYTHON),
                    new MemoryRegion(0x1_0230_0000L, 0x1_0231_0000L, "r--p", 0x30_0000, PYTHON),
                    new MemoryRegion(0x6000_0000_0000L, 0x6000_0080_0000L, "rw-p", 0, ""),
                    new MemoryRegion(0x7ff8_0000_0000L, 0x7ff8_0000_1000L, "r--s", 0, "/usr/lib/dyld"));
            assertThat(calls.regionCalls).isEqualTo(7);
        }
    }

    @Test
    void aRegionAtTheTopOfTheAddressSpaceEndsTheWalk() {
        calls.region(0x1000, 0x1000, 1, 0, "");
        calls.region(-0x1000L, 0x1000, 1, 0, "");

        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.regions()).hasSize(1);
        }
    }

    @Test
    void anAnswerThatDoesNotMoveForwardEndsTheWalkInsteadOfLooping() {
        calls.sameRegionEveryTime = new ScriptedMacCalls.Region(0x5000, 0x1000, 1, false, 0, "");

        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.regions()).extracting(MemoryRegion::start).containsExactly(0x5000L);
            assertThat(calls.regionCalls).isEqualTo(2);
        }
    }

    @Test
    void aProcessThatExitedHasNoMapButAnExit() {
        calls.region(0x1000, 0x1000, 1, 0, "");
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            calls.processes.clear();

            assertThatThrownBy(target::regions).isInstanceOfSatisfying(SpyException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_EXITED))
                    .hasMessage("process 4242 exited");
        }
    }
}
