// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.binaries.pe.PeBinaryImage;
import dev.pyspy4j.binaries.pe.PeFile;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Windows process opened with one handle ({@code PROCESS_VM_READ | PROCESS_QUERY_INFORMATION |
 * PROCESS_SUSPEND_RESUME}). Its binaries are PE images: {@link #image} parses the file a module was loaded from and
 * places it at the module's base, so the slide is that base minus the image base the file prefers. Closing resumes
 * every pause still held, then closes the handle.
 */
public final class WindowsTargetProcess implements TargetProcess {
    private final WindowsCalls calls;
    private final long pid;
    private final long process;
    private final Platform platform;
    private final WindowsProcessMemory memory;
    private final Map<String, BinaryImage> images = new HashMap<>();
    private String executablePath;
    /** Every pause taken: suspensions nest, so each one still held must be resumed on close. */
    private final List<SuspendedProcess> pauses = new ArrayList<>();
    private boolean closed;

    WindowsTargetProcess(WindowsCalls calls, long pid, long process, Platform platform) {
        this.calls = calls;
        this.pid = pid;
        this.process = process;
        this.platform = platform;
        this.memory = new WindowsProcessMemory(calls, process, pid, this::isAlive);
    }

    WindowsCalls calls() {
        return calls;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        List<ModuleEntry> modules = modules();
        return call("reading the memory map of", () -> RegionMapper.regions(calls, process, modules));
    }

    /** The loaded modules in the order a Toolhelp32 module snapshot lists them (the program first). */
    List<ModuleEntry> modules() {
        return call("listing the modules of", () -> Toolhelp.modules(calls, pid));
    }

    @Override
    public List<NativeThread> threads() {
        return call("listing the threads of", () -> Toolhelp.threadIds(calls, pid)).stream()
                .map(tid -> new NativeThread(tid, "")).toList();
    }

    @Override
    public String executablePath() {
        if (executablePath == null) {
            executablePath = call("reading the executable path of", () -> calls.queryFullProcessImageName(process));
        }
        return executablePath;
    }

    @Override
    public List<String> commandLine() {
        WindowsCalls.QueriedBytes answer = call("reading the command line of",
                () -> calls.ntQueryInformationProcess(process, ProcessCommandLine.PROCESS_COMMAND_LINE_INFORMATION));
        return ProcessCommandLine.split(ProcessCommandLine.decode(answer.bytes(), answer.address()));
    }

    /** Windows has no mount namespaces: the path the target loaded a file from is the path to read it at. */
    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(pathInTarget);
    }

    /** The PE image of the module loaded from {@code path} (compared without case), at the module's base. */
    @Override
    public Optional<BinaryImage> image(String path) {
        return PythonModules.byPath(modules(), path).flatMap(this::imageOf);
    }

    /**
     * Where the interpreter's runtime is: the image of {@code python3XX.dll} when one is loaded, else of the
     * program (a static build, or no Python at all, which its exports and sections then tell).
     */
    public Optional<BinaryImage> interpreterImage() {
        return PythonModules.interpreter(modules(), executablePath()).flatMap(this::imageOf);
    }

    private Optional<BinaryImage> imageOf(ModuleEntry module) {
        String key = module.path().toLowerCase(Locale.ROOT) + "@" + Long.toHexString(module.base());
        return Optional.of(images.computeIfAbsent(key, unused ->
                PeBinaryImage.of(PeFile.open(fileAsSeenByTarget(module.path())), module.path(), module.base())));
    }

    /**
     * Suspends every thread with {@code NtSuspendProcess} until the handle is closed; {@link #close()} resumes every
     * pause still held.
     */
    @Override
    public PauseHandle pause() {
        checkOpen();
        pauses.removeIf(SuspendedProcess::isResumed);
        SuspendedProcess suspended = SuspendedProcess.suspend(calls, process, pid, this::isAlive);
        pauses.add(suspended);
        return suspended;
    }

    @Override
    public boolean isAlive() {
        if (closed) {
            return false;
        }
        try {
            return calls.getExitCodeProcess(process) == WindowsErrors.STILL_ACTIVE;
        } catch (WindowsCallException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            for (SuspendedProcess pause : pauses) {
                pause.close();
            }
        } finally {
            closed = true;
            calls.closeHandle(process);
        }
    }

    private <T> T call(String doing, Supplier<T> action) {
        checkOpen();
        try {
            return action.get();
        } catch (WindowsCallException e) {
            throw WindowsErrors.callFailed(pid, doing, e, isAlive());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " was already closed");
        }
    }

    @Override
    public String toString() {
        return "WindowsTargetProcess[" + pid + "]";
    }
}
