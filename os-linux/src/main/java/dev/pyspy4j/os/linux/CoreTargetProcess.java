// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.binaries.core.CoreMapping;
import dev.pyspy4j.binaries.core.CoreSegment;
import dev.pyspy4j.binaries.core.CoreThread;
import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process as a core file of it keeps it: stopped for good, its memory {@link CoreMemory}'s, its threads and their
 * registers the core's, its binaries read from this machine at the paths the process had them. A pause stops
 * nothing and gives each thread's registers from the core.
 */
final class CoreTargetProcess implements TargetProcess {
    /** {@code AT_PHDR}: where the executable's program headers were loaded. */
    private static final long AT_PHDR = 3;
    /** {@code AT_SYSINFO_EHDR}: where the kernel mapped the vDSO, which a native unwind reads from memory. */
    private static final long AT_SYSINFO_EHDR = 33;
    /** The name {@code /proc/PID/maps} gives the vDSO's mapping. */
    private static final String VDSO = "[vdso]";

    private final CoreFile core;
    private final MappedFileChanges changes;
    private final CoreMemory memory;
    private final List<MemoryRegion> regions;
    private final PthreadThreadIds pthreadThreadIds;
    private final Map<String, BinaryImage> images = new HashMap<>();

    CoreTargetProcess(CoreFile core) {
        this.core = core;
        this.changes = new MappedFileChanges(core);
        this.memory = new CoreMemory(core, changes);
        this.regions = regionsOf(core);
        this.pthreadThreadIds = new PthreadThreadIds(memory, this::threads, platform().arch().byteOrder());
    }

    /**
     * The mapped files, each with the permissions of the region it lies in, then the regions no file backs, the vDSO
     * named as the live process's memory map names it.
     */
    private static List<MemoryRegion> regionsOf(CoreFile core) {
        List<MemoryRegion> found = new ArrayList<>();
        MappedFilePermissions filePermissions = new MappedFilePermissions();
        for (CoreMapping mapping : core.mappings()) {
            if (Long.compareUnsigned(mapping.end(), mapping.start()) > 0) {
                String permissions = permissions(core, mapping.start()).orElseGet(() -> filePermissions.of(mapping));
                found.add(new MemoryRegion(mapping.start(), mapping.end(), permissions, mapping.fileOffset(),
                        mapping.path()));
            }
        }
        long vdso = core.auxv(AT_SYSINFO_EHDR).orElse(0);
        for (CoreSegment segment : core.segments()) {
            if (core.mappingAt(segment.start()).isEmpty() && Long.compareUnsigned(segment.end(), segment.start()) > 0) {
                found.add(new MemoryRegion(segment.start(), segment.end(), MappedFilePermissions.of(segment.flags()), 0,
                        segment.start() == vdso ? VDSO : ""));
            }
        }
        found.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        return List.copyOf(found);
    }

    /** Those of the segment holding {@code address}; none when the core left that memory out. */
    private static Optional<String> permissions(CoreFile core, long address) {
        for (CoreSegment segment : core.segments()) {
            if (Long.compareUnsigned(address, segment.start()) >= 0
                    && Long.compareUnsigned(address, segment.end()) < 0) {
                return Optional.of(MappedFilePermissions.of(segment.flags()));
            }
        }
        return Optional.empty();
    }


    @Override
    public long pid() {
        return core.pid();
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    @Override
    public CoreMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        return regions;
    }

    /** The core keeps no thread names; the main thread is given the program's. */
    @Override
    public List<NativeThread> threads() {
        List<NativeThread> threads = new ArrayList<>();
        for (CoreThread thread : core.threads()) {
            threads.add(new NativeThread(thread.tid(), thread.tid() == core.pid() ? core.programName() : ""));
        }
        return threads;
    }

    @Override
    public Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        return pthreadThreadIds.resolve(threadHandles);
    }

    /** The file whose mapping holds the program headers the auxiliary vector points at, else the first one mapped. */
    @Override
    public String executablePath() {
        long phdr = core.auxv(AT_PHDR).orElse(-1);
        return core.mappingAt(phdr).or(() -> core.mappings().stream().findFirst()).map(CoreMapping::path)
                .orElse(core.programName());
    }

    /** As the kernel kept it: at most 80 bytes, split at spaces. */
    @Override
    public List<String> commandLine() {
        return core.arguments().isEmpty() ? List.of() : Arrays.asList(core.arguments().split(" "));
    }

    /** Refuses a mapped file that has changed since the core was made: its bytes are not the process's. */
    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        if (changes.hasChanged(pathInTarget)) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, changedMessage(pathInTarget));
        }
        return Path.of(pathInTarget);
    }

    /** One line for each mapped file that has changed since the core was made. */
    @Override
    public List<String> warnings() {
        return core.mappings().stream().map(CoreMapping::path).distinct().filter(changes::hasChanged)
                .map(CoreTargetProcess::changedMessage).toList();
    }

    private static String changedMessage(String path) {
        return "'" + path + "' has changed since the core was made: its code and symbols are not read";
    }

    /** None for a file that has changed since the core was made: its symbols and unwind tables are another's. */
    @Override
    public synchronized Optional<BinaryImage> image(String path) {
        List<MemoryRegion> mappings = regions.stream().filter(region -> region.path().equals(path)).toList();
        if (mappings.isEmpty() || changes.hasChanged(path)) {
            return Optional.empty();
        }
        return Optional.of(images.computeIfAbsent(path, file -> ElfBinaryImage.load(Path.of(file), file, mappings)));
    }

    /** Nothing to stop: the threads' registers are the core's. */
    @Override
    public PauseHandle pause() {
        return new PauseHandle() {
            @Override
            public List<Long> stoppedThreads() {
                return core.threads().stream().map(CoreThread::tid).toList();
            }

            @Override
            public Optional<Registers> registers(long osThreadId) {
                return core.threads().stream().filter(thread -> thread.tid() == osThreadId).findFirst()
                        .map(thread -> RegisterReader.toDwarf(thread.generalRegisters()));
            }

            @Override
            public void close() {
                // nothing was stopped
            }
        };
    }

    /** A core's memory stays readable: to readers it is a process that never moves again. */
    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
        memory.close();
    }
}
