// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.List;
import java.util.Optional;

/**
 * A target for symbol-resolver tests: what a resolver never asks of a process fails loudly, so a test notices when
 * it starts to.
 */
abstract class ResolverOnlyTarget implements TargetProcess {
    @Override
    public List<NativeThread> threads() {
        throw new UnsupportedOperationException("a symbol resolver does not list threads");
    }

    @Override
    public String executablePath() {
        throw new UnsupportedOperationException("a symbol resolver does not ask for the executable");
    }

    @Override
    public List<String> commandLine() {
        throw new UnsupportedOperationException("a symbol resolver does not read the command line");
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        throw new UnsupportedOperationException("a symbol resolver reads binaries itself");
    }

    @Override
    public PauseHandle pause() {
        throw new UnsupportedOperationException("a symbol resolver does not pause");
    }
}
