// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.os.linux.jna.LinuxCalls;
import dev.pyspy4j.os.linux.proc.ProcMaps;
import dev.pyspy4j.os.linux.proc.ProcStatus;
import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens Linux processes through {@code /proc} and {@code process_vm_readv}. Attaching checks at once that the
 * process exists, is not a zombie, and that its executable and memory can be read, so that permission problems
 * surface before any sampling starts.
 */
public final class LinuxProcessAccessProvider implements ProcessAccessProvider {
    @Override
    public String id() {
        return "linux";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.LINUX;
    }

    @Override
    public TargetProcess attach(long pid) {
        ProcFs proc = new ProcFs(pid);
        if (pid <= 0 || pid > Integer.MAX_VALUE || !Files.isDirectory(proc.dir())) {
            throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
        }
        checkIsProcessNotThread(pid, proc);
        Optional<TaskStat> stat = proc.stat();
        if (stat.isEmpty() || ProcessLiveness.isDead(stat.get().state()) && !ProcessLiveness.isAlive(proc)) {
            throw proc.exited();
        }
        LinuxTargetProcess target = new LinuxTargetProcess(pid);
        try {
            target.executablePath();
            checkMemoryReadable(target);
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /**
     * What the first attach does once whatever the process: JNA's native library and the system calls bound, the
     * parser of memory maps and the ELF reader (mapping a file, indexing its symbols) run once, on this process's
     * own maps and executable.
     */
    @Override
    public void prepare() {
        LinuxCalls.prepare();
        ProcFs self = new ProcFs(ProcessHandle.current().pid());
        ProcMaps.parse(self.readText("maps"), self.dir() + "/maps");
        ElfFile.open(self.dir().resolve("exe")).symbol("main");
    }

    @Override
    public TargetProcess openCore(Path core) {
        if (!Files.isRegularFile(core)) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read core file '" + core + "': "
                    + (Files.exists(core) ? "it is not a regular file" : "no such file"));
        }
        return new CoreTargetProcess(CoreFile.open(core));
    }

    @Override
    public void restoreDefaultStopSignals() {
        StopSignalDispositions.restore();
    }

    /** {@code /proc/<tid>} exists for every thread too, though unlisted; a thread id is not a process id. */
    private static void checkIsProcessNotThread(long pid, ProcFs proc) {
        proc.readOptionalText("status").map(text -> ProcStatus.parse(text, proc.dir() + "/status").threadGroupId())
                .filter(tgid -> tgid.isPresent() && tgid.getAsLong() != pid)
                .ifPresent(tgid -> {
                    throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid
                            + " (it is a thread of process " + tgid.getAsLong() + ")");
                });
    }

    /** Reads one byte of the first readable mapping: the kernel checks ptrace access only on a real transfer. */
    private static void checkMemoryReadable(LinuxTargetProcess target) {
        Optional<MemoryRegion> readable = target.regions().stream()
                .filter(region -> region.isReadable() && !region.path().equals("[vvar]"))
                .findFirst();
        if (readable.isEmpty()) {
            return;
        }
        try {
            target.memory().read(readable.get().start(), ByteBuffer.allocate(1));
        } catch (SpyException e) {
            // An unreadable page is no proof of anything; only a refusal or an exit is.
            if (e.kind() != FailureKind.MEMORY_READ) {
                throw e;
            }
        }
    }
}
