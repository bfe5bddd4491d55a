// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import static dev.pyspy4j.os.freebsd.ScriptedProcesses.PID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.os.freebsd.kinfo.KinfoBytes;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.testsupport.InterpreterCatalogue;
import dev.pyspy4j.testsupport.InterpreterLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding libpython among the mappings of a scripted vmmap and relocating its symbols, with a real ELF file: a
 * libpython of this machine (FreeBSD's are ELF too, mapped the same way by its rtld). The vmmap is built from the
 * file's PT_LOAD segments at a base chosen here, as rtld would map it.
 */
class InterpreterDiscoveryTest {
    private static final long BASE = 0x800a00000L;
    private static final long PAGE = 0x1000;

    @Test
    void libpythonIsFoundAndRelocatedByTheBaseItIsMappedAt() {
        Path libpython = InterpreterCatalogue.machine().require(InterpreterLocations.PYENV, "3.12").prefix()
                .resolve("lib/libpython3.12.so.1.0");
        assertThat(libpython).exists();
        String path = "/usr/local/lib/libpython3.12.so.1.0";
        ElfFile elf = ElfFile.open(libpython);

        ScriptedFreeBsdCalls calls = ScriptedProcesses.python();
        List<byte[]> records = new ArrayList<>();
        records.add(KinfoBytes.packedVmentry(2, 0x200000, 0x245000, 0, 1, 5, ScriptedProcesses.EXECUTABLE));
        for (ElfProgramHeader load : elf.programHeaders()) {
            if (load.isLoadable()) {
                int protection = (int) (((load.p_flags & 4) != 0 ? 1 : 0) | ((load.p_flags & 2) != 0 ? 2 : 0)
                        | ((load.p_flags & 1) != 0 ? 4 : 0));
                records.add(KinfoBytes.packedVmentry(2, BASE + down(load.p_vaddr), BASE + up(load.p_vaddr
                        + load.p_filesz), down(load.p_offset), 1, protection, path));
            }
        }
        calls.sysctls.put("vmmap", KinfoBytes.concat(records));
        FreeBsdTargetProcess target = new FreeBsdTargetProcess(calls, PID);
        List<MemoryRegion> libpythonRegions = target.regions().stream().filter(r -> r.path().equals(path)).toList();
        assertThat(libpythonRegions).anySatisfy(region -> assertThat(region.permissions()).isEqualTo("r-xp"));

        BinaryImage image = new BinaryImages(target::regions,
                file -> file.equals(path) ? libpython : Path.of(file)).image(path).orElseThrow();
        assertThat(image.loadBias()).isEqualTo(BASE);
        long runtime = elf.symbol("_PyRuntime").orElseThrow().st_value;
        assertThat(image.symbol("_PyRuntime").orElseThrow().address()).isEqualTo(BASE + runtime);
        assertThat(image.symbol("Py_Version")).isPresent();
        assertThat(target.image("/lib/not-mapped.so")).isEmpty();
        assertThat(Files.exists(Path.of(path))).as("the FreeBSD path is not on this machine").isFalse();
    }

    private static long down(long value) {
        return value & -PAGE;
    }

    private static long up(long value) {
        return (value + PAGE - 1) & -PAGE;
    }
}
