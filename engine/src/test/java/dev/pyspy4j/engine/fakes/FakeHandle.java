// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

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
import java.util.List;
import java.util.Optional;

/** One attachment to a {@link FakeProcess}: reads what the process runs now, and knows whether it was closed. */
final class FakeHandle implements TargetProcess {
    private final FakeProcess process;
    private boolean closed;

    FakeHandle(FakeProcess process) {
        this.process = process;
    }

    FakeProcess process() {
        return process;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    @Override
    public ProcessMemory memory() {
        throw new UnsupportedOperationException("the fake has no memory");
    }

    @Override
    public List<MemoryRegion> regions() {
        return List.of();
    }

    @Override
    public List<NativeThread> threads() {
        return List.of();
    }

    @Override
    public String executablePath() {
        checkAlive();
        return process.executable();
    }

    @Override
    public List<String> commandLine() {
        checkAlive();
        return process.commandLine();
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of("/proc/" + process.pid() + "/root" + pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return Optional.empty();
    }

    @Override
    public PauseHandle pause() {
        throw new SpyException(FailureKind.INTERNAL, "the fake cannot pause");
    }

    @Override
    public boolean isAlive() {
        return process.alive();
    }


    @Override
    public void close() {
        closed = true;
    }

    private void checkAlive() {
        if (!process.alive()) {
            throw new SpyException(FailureKind.PROCESS_EXITED, "process " + process.pid() + " exited");
        }
    }
}
