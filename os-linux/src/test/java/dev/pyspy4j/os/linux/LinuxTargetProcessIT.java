// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Attaching to real CPython processes and reading what /proc says about them. */
@EnabledOnOs(OS.LINUX)
class LinuxTargetProcessIT {
    private final LinuxProcessAccessProvider provider = new LinuxProcessAccessProvider();
    private PythonProcess python;
    private LinuxTargetProcess target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
        if (python != null) {
            python.close();
        }
    }

    @Test
    void describesARunningInterpreter() throws Exception {
        attach("busy_threads.py", "3");
        assertThat(target.pid()).isEqualTo(python.pid());
        assertThat(target.regions()).anySatisfy(region -> {
            assertThat(region.path()).endsWith("/lib/libpython3.11.so.1.0");
            assertThat(region.isExecutable()).isTrue();
        });
        assertThat(target.executablePath()).isEqualTo(PythonProcess.python311().toRealPath().toString());
        assertThat(target.commandLine()).containsExactly(PythonProcess.python311().toString(), "-u",
                PythonProcess.scriptPath("busy_threads.py").toString(), "3");
        assertThat(target.isAlive()).isTrue();
    }

    @Test
    void listsThreadsWithTheirNames() throws Exception {
        attach("busy_threads.py", "3");
        assertThat(target.threads()).extracting(NativeThread::name)
                .containsExactlyInAnyOrder("python3.11", "worker-0", "worker-1", "worker-2");
        assertThat(target.threads()).extracting(NativeThread::tid).contains(python.pid());
    }

    @Test
    void memoryReadsMatchTheMappedFile() throws Exception {
        attach("busy_threads.py", "1");
        MemoryRegion header = target.regions().stream()
                .filter(region -> region.path().endsWith("libpython3.11.so.1.0") && region.fileOffset() == 0)
                .findFirst().orElseThrow();
        byte[] fromMemory = target.memory().readBytes(header.start(), 64);
        byte[] fromFile = new byte[64];
        try (var in = Files.newInputStream(target.fileAsSeenByTarget(header.path()))) {
            assertThat(in.readNBytes(fromFile, 0, 64)).isEqualTo(64);
        }
        assertThat(fromMemory).isEqualTo(fromFile);
    }

    @Test
    void filesAreSeenThroughTheTargetsRoot() throws Exception {
        attach("busy_threads.py", "1");
        assertThat(target.fileAsSeenByTarget("/usr/lib/x.so"))
                .isEqualTo(Path.of("/proc/" + python.pid() + "/root/usr/lib/x.so"));
    }

    @Test
    void refusesZombies() throws Exception {
        attach("zombie_parent.py");
        long zombie = Long.parseLong(python.readyArguments()[0]);
        assertThatThrownBy(() -> provider.attach(zombie))
                .isInstanceOf(SpyException.class)
                .hasMessage("process " + zombie + " has exited")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_EXITED);
    }

    @Test
    void aThreadIdIsNotAProcessId() throws Exception {
        attach("busy_threads.py", "1");
        long workerTid = target.threads().stream().mapToLong(NativeThread::tid).filter(tid -> tid != python.pid())
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> provider.attach(workerTid))
                .isInstanceOf(SpyException.class)
                .hasMessage("no process with pid " + workerTid + " (it is a thread of process " + python.pid() + ")")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND);
    }

    @Test
    void aMissingProcessIsNotFound() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertThatThrownBy(() -> provider.attach(finished.pid()))
                .isInstanceOf(SpyException.class)
                .hasMessage("no process with pid " + finished.pid())
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND);
        assertThatThrownBy(() -> provider.attach(-5))
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND);
    }

    @Test
    void aKernelThreadRunsNoProgram() {
        long kthreadd = 2;
        assertThatThrownBy(() -> provider.attach(kthreadd))
                .isInstanceOf(SpyException.class)
                .hasMessage("process 2 runs no program (a kernel thread)")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.NOT_PYTHON);
    }

    @Test
    void aProcessThatExitedIsReportedSoByEveryQuery() throws Exception {
        attach("busy_threads.py", "1");
        python.kill();
        python.close();
        assertThat(target.isAlive()).isFalse();
        for (Runnable query : new Runnable[] {target::regions, target::threads, target::executablePath}) {
            assertThatThrownBy(query::run)
                    .isInstanceOf(SpyException.class)
                    .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_EXITED);
        }
    }

    @Test
    void preparingOnAnotherThreadWhileAttachingLeavesTheAttachWhole() throws Exception {
        python = PythonProcess.start("busy_threads.py", "2");
        // In a fresh JVM both race for the same class initialisation (JNA's library, the bound calls); either
        // order must give an attached process whose memory reads.
        Thread preparing = new Thread(provider::prepare, "prepare");
        preparing.start();
        target = (LinuxTargetProcess) provider.attach(python.pid());
        preparing.join(30_000);

        assertThat(preparing.isAlive()).isFalse();
        MemoryRegion readable = target.regions().stream().filter(MemoryRegion::isReadable).findFirst().orElseThrow();
        ByteBuffer firstBytes = ByteBuffer.allocate(4);
        target.memory().read(readable.start(), firstBytes);
        assertThat(firstBytes.array()).containsExactly(0x7f, 'E', 'L', 'F');
        provider.prepare();
    }

    @Test
    void regionsShowAMappingMadeAfterTheyWereFirstRead(@TempDir Path directory) throws Exception {
        Path mappedLater = Files.write(directory.resolve("mapped-later.bin"), new byte[8192]);
        Path trigger = directory.resolve("map-now");
        attach("maps_later.py", mappedLater.toString(), trigger.toString());
        assertThat(target.regions()).noneMatch(region -> region.path().equals(mappedLater.toString()));
        assertThat(target.regions()).noneMatch(region -> region.path().equals(mappedLater.toString()));

        Files.createFile(trigger);
        assertThat(python.nextLine(30)).isEqualTo("mapped");

        assertThat(target.regions()).anyMatch(region -> region.path().equals(mappedLater.toString()));
    }

    private void attach(String script, String... arguments) throws Exception {
        python = PythonProcess.start(script, arguments);
        target = (LinuxTargetProcess) provider.attach(python.pid());
    }
}
