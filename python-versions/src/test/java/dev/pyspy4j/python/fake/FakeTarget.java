// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.fake;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A target process over fake memory, whose binaries define the given symbols; counts pauses. */
public final class FakeTarget implements TargetProcess {
    private final ProcessMemory memory;
    private final String executable;
    private final List<MemoryRegion> regions;
    private final Map<String, Map<String, Long>> symbolsByBinary;
    private final Map<String, BinaryImage.Section> sections = new java.util.HashMap<>();
    private final Map<String, Map<String, BinaryImage.Section>> sectionsByBinary = new java.util.HashMap<>();
    private TargetArch arch = TargetArch.X86_64;
    private OsFamily os = OsFamily.LINUX;
    private final Map<String, BinaryImage> realImages = new java.util.HashMap<>();
    private int pauses;
    private int openPauses;
    private final List<List<Long>> threadPauses = new java.util.ArrayList<>();
    private Runnable onThreadPause = () -> { };
    private Runnable onResume = () -> { };

    public FakeTarget(ProcessMemory memory, String executable, List<MemoryRegion> regions,
                      Map<String, Map<String, Long>> symbolsByBinary) {
        this.memory = memory;
        this.executable = executable;
        this.regions = regions;
        this.symbolsByBinary = symbolsByBinary;
    }

    /** A python3.11-like program with the interpreter linked in and the given symbols. */
    public static FakeTarget program(ProcessMemory memory, Map<String, Long> symbols) {
        String exe = "/usr/bin/python3.11";
        // The fake heap, runtime and type objects all live in one writable anonymous mapping.
        return new FakeTarget(memory, exe, List.of(new MemoryRegion(0x400000, 0x500000, "r-xp", 0, exe),
                new MemoryRegion(0x1000_0000L, 0x8000_0000L, "rw-p", 0, "")), Map.of(exe, symbols));
    }

    /** Gives every binary of this target a section, e.g. {@code .PyRuntime}, for the symbol-less scan. */
    public FakeTarget withSection(String name, long address, long size) {
        sections.put(name, new BinaryImage.Section(name, address, size));
        return this;
    }

    /** Gives only the binary at {@code path} a section; it hides a section of that name given to every binary. */
    public FakeTarget withSectionIn(String path, String name, long address, long size) {
        sectionsByBinary.computeIfAbsent(path, unused -> new java.util.HashMap<>())
                .put(name, new BinaryImage.Section(name, address, size));
        return this;
    }

    /** Answers {@link #image} for {@code image.path()} with {@code image} (a real binary's) instead of a fake. */
    public FakeTarget withImage(BinaryImage image) {
        realImages.put(image.path(), image);
        return this;
    }

    /** Makes this target claim another operating system than Linux. */
    public FakeTarget withOs(OsFamily os) {
        this.os = os;
        return this;
    }

    /** Makes this target claim another architecture than x86_64. */
    public FakeTarget withArch(TargetArch arch) {
        this.arch = arch;
        return this;
    }

    public int pauses() {
        return pauses;
    }

    public int openPauses() {
        return openPauses;
    }

    /** The threads each {@link #pauseThreads} call asked to stop, in order. */
    public List<List<Long>> threadPauses() {
        return threadPauses;
    }

    /** Runs {@code action} as each {@link #pauseThreads} call stops its threads (e.g. to move the GIL). */
    public FakeTarget onThreadPause(Runnable action) {
        this.onThreadPause = action;
        return this;
    }

    /** Runs {@code action} as each pause ends: what the target does once it runs again. */
    public FakeTarget onResume(Runnable action) {
        this.onResume = action;
        return this;
    }

    @Override
    public long pid() {
        return 4242;
    }

    @Override
    public Platform platform() {
        return new Platform(os, arch);
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        return regions;
    }

    @Override
    public List<NativeThread> threads() {
        return List.of();
    }

    @Override
    public String executablePath() {
        return executable;
    }

    @Override
    public List<String> commandLine() {
        return List.of(executable);
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        if (realImages.containsKey(path)) {
            return Optional.of(realImages.get(path));
        }
        Map<String, Long> symbols = symbolsByBinary.get(path);
        if (symbols == null) {
            return Optional.empty();
        }
        return Optional.of(new BinaryImage() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public long loadBias() {
                return 0;
            }

            @Override
            public Optional<Symbol> symbol(String name) {
                Long address = symbols.get(name);
                return address == null ? Optional.empty() : Optional.of(new Symbol(name, address, 8));
            }

            @Override
            public Optional<Section> section(String name) {
                Map<String, Section> own = sectionsByBinary.getOrDefault(path, Map.of());
                return Optional.ofNullable(own.containsKey(name) ? own.get(name) : sections.get(name));
            }
        });
    }

    @Override
    public PauseHandle pause() {
        pauses++;
        openPauses++;
        return () -> {
            openPauses--;
            onResume.run();
        };
    }

    /** Stops exactly the threads asked for, as Linux does; none of them has ended. */
    @Override
    public PauseHandle pauseThreads(java.util.Collection<Long> osThreadIds) {
        List<Long> stopped = List.copyOf(osThreadIds);
        threadPauses.add(stopped);
        onThreadPause.run();
        openPauses++;
        return new PauseHandle() {
            @Override
            public List<Long> stoppedThreads() {
                return stopped;
            }

            @Override
            public void close() {
                openPauses--;
                onResume.run();
            }
        };
    }

    @Override
    public boolean isAlive() {
        return true;
    }


    @Override
    public void close() {
    }
}
