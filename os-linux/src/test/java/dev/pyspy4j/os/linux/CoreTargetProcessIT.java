// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process read from gdb's gcore of it gives what the live process gave: its threads and the OS ids of their
 * {@code pthread_t}s, its program, libpython's symbols at the same addresses, the same bytes of runtime state (which
 * the core dumped) and of code (which it left out, read from the mapped file), which of its mappings hold code, and
 * every thread's registers.
 */
class CoreTargetProcessIT {
    @Test
    void aCoreReadsAsTheLiveProcessDid(@TempDir Path directory) throws Exception {
        Map<Long, Long> liveThreadIds = new HashMap<>();
        String executable;
        String libpython;
        long runtime;
        byte[] runtimeBytes;
        long code;
        byte[] codeBytes;
        Path corePath = directory.resolve("core");
        long pid;
        Map<Long, Boolean> liveCodeMappings = new HashMap<>();
        try (PythonProcess python = PythonProcess.start("thread_handles.py", "2");
             TargetProcess live = new LinuxProcessAccessProvider().attach(python.pid())) {
            pid = python.pid();
            for (String pair : python.readyArguments()) {
                String[] parts = pair.split(":");
                liveThreadIds.put(Long.parseUnsignedLong(parts[0]), Long.parseLong(parts[1]));
            }
            executable = live.executablePath();
            live.regions().stream().filter(region -> region.path().startsWith("/") || region.path().equals("[vdso]"))
                    .forEach(region -> liveCodeMappings.put(region.start(), region.isExecutable()));
            libpython = live.regions().stream().map(MemoryRegion::path)
                    .filter(path -> path.endsWith("/libpython3.11.so.1.0")).findFirst().orElseThrow();
            BinaryImage image = live.image(libpython).orElseThrow();
            runtime = image.symbol("_PyRuntime").orElseThrow().address();
            runtimeBytes = live.memory().readBytes(runtime, 20);
            code = image.symbol("PyEval_EvalCode").orElseThrow().address();
            codeBytes = live.memory().readBytes(code, 64);
            Process gcore = new ProcessBuilder("gcore", "-o", corePath.toString(), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(gcore.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(gcore.exitValue()).isZero();
        }

        try (CoreTargetProcess core = new CoreTargetProcess(CoreFile.open(Path.of(corePath + "." + pid)))) {
            assertThat(core.pid()).isEqualTo(pid);
            assertThat(core.threads()).extracting(NativeThread::tid)
                    .containsExactlyInAnyOrderElementsOf(liveThreadIds.values());
            assertThat(core.osThreadIds(List.copyOf(liveThreadIds.keySet()))).isEqualTo(liveThreadIds);
            assertThat(core.executablePath()).isEqualTo(executable);
            // gcore writes no segment for code it can read back from the file: the file's own headers must tell. The
            // vDSO, which a core dumps without a name, is found by the auxiliary vector.
            Map<Long, Boolean> coreCodeMappings = new HashMap<>();
            core.regions().stream().filter(region -> !region.path().isEmpty())
                    .forEach(region -> coreCodeMappings.put(region.start(), region.isExecutable()));
            assertThat(coreCodeMappings).as("which file mappings hold code").isEqualTo(liveCodeMappings)
                    .containsValue(true);
            BinaryImage image = core.image(libpython).orElseThrow();
            assertThat(image.symbol("_PyRuntime").orElseThrow().address()).isEqualTo(runtime);
            assertThat(core.memory().readBytes(runtime, 20)).as("dumped").isEqualTo(runtimeBytes);
            assertThat(core.memory().readBytes(code, 64)).as("from the mapped file").isEqualTo(codeBytes);
            try (PauseHandle paused = core.pause()) {
                for (NativeThread thread : core.threads()) {
                    long rip = paused.registers(thread.tid()).orElseThrow().instructionPointer();
                    assertThat(core.regions()).as("thread %d's rip 0x%x", thread.tid(), rip)
                            .anyMatch(region -> region.permissions().contains("x")
                                    && Long.compareUnsigned(rip, region.start()) >= 0
                                    && Long.compareUnsigned(rip, region.end()) < 0);
                }
            }
        }
    }
}
