// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.PauseHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Registers of the threads of a paused process, read with PTRACE_GETREGSET. */
@EnabledOnOs(OS.LINUX)
class RegistersIT {
    @TempDir
    Path build;

    @Test
    void everyThreadOfAPausedPythonHasAPlausibleInstructionAndStackPointer() throws Exception {
        try (PythonProcess python = PythonProcess.start("busy_threads.py", "3");
                LinuxTargetProcess target = new LinuxTargetProcess(python.pid())) {
            assertRegistersOfEveryThreadArePlausible(target, 4);
            assertThat(python.threadStates()).hasSize(4).doesNotContain('t', 'T');
        }
    }

    @Test
    void everyThreadOfAPausedCProgramHasAPlausibleInstructionAndStackPointer() throws Exception {
        try (CompiledProgram program = CompiledProgram.start("two_threads.c", build, "-O1");
                LinuxTargetProcess target = new LinuxTargetProcess(program.pid())) {
            for (int i = 0; i < 20; i++) {
                assertRegistersOfEveryThreadArePlausible(target, 2);
            }
            assertThat(threadStates(program.pid())).hasSize(2).doesNotContain('t', 'T');
        }
    }

    @Test
    void aThreadThatIsNotStoppedHasNoRegisters() throws Exception {
        try (PythonProcess python = PythonProcess.start("busy_threads.py", "1");
                LinuxTargetProcess target = new LinuxTargetProcess(python.pid())) {
            PauseHandle paused = target.pause();
            long tid = paused.stoppedThreads().get(0);
            assertThat(paused.registers(ProcessHandle.current().pid())).isEmpty();
            paused.close();
            assertThat(paused.registers(tid)).isEmpty();
            assertThat(paused.stoppedThreads()).isEmpty();
        }
    }

    @Test
    void onlyThePausingThreadReadsRegisters() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (PythonProcess python = PythonProcess.start("busy_threads.py", "1");
                LinuxTargetProcess target = new LinuxTargetProcess(python.pid());
                PauseHandle paused = target.pause()) {
            long tid = paused.stoppedThreads().get(0);
            assertThatThrownBy(() -> other.submit(() -> paused.registers(tid)).get())
                    .hasCauseInstanceOf(SpyException.class)
                    .hasMessageContaining("can only be read by the thread that paused it");
            assertThat(paused.registers(tid)).isPresent();
        } finally {
            other.shutdownNow();
        }
    }

    private static void assertRegistersOfEveryThreadArePlausible(LinuxTargetProcess target, int threads)
            throws IOException {
        List<MemoryRegion> regions = target.regions();
        try (PauseHandle paused = target.pause()) {
            assertThat(paused.stoppedThreads()).hasSize(threads)
                    .containsExactlyInAnyOrderElementsOf(taskIds(target.pid()));
            for (long tid : paused.stoppedThreads()) {
                Optional<Registers> registers = paused.registers(tid);
                assertThat(registers).as("registers of thread %d", tid).isPresent();
                Registers values = registers.orElseThrow();
                assertThat(regionOf(regions, values.instructionPointer()))
                        .as("mapping of rip 0x%x of thread %d", values.instructionPointer(), tid)
                        .hasValueSatisfying(region -> assertThat(region.isExecutable()).isTrue());
                assertThat(regionOf(regions, values.stackPointer()))
                        .as("mapping of rsp 0x%x of thread %d", values.stackPointer(), tid)
                        .hasValueSatisfying(region -> assertThat(region.isReadable() && region.isWritable())
                                .isTrue());
            }
        }
    }

    private static Optional<MemoryRegion> regionOf(List<MemoryRegion> regions, long address) {
        return regions.stream().filter(region -> region.contains(address)).findFirst();
    }

    private static List<Long> taskIds(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> Long.parseLong(task.getFileName().toString())).toList();
        }
    }

    private static List<Character> threadStates(long pid) throws IOException {
        List<Character> states = new ArrayList<>();
        for (long tid : taskIds(pid)) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
            states.add(stat.charAt(stat.lastIndexOf(')') + 2));
        }
        return states;
    }
}
