// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.process.TargetProcess;

/** Names native code addresses from the binaries a process maps (ELF symbol tables on Linux). */
public interface SymbolResolverProvider extends Provider {
    /** Prepares to name the addresses of {@code process}; reads binaries lazily. */
    SymbolResolver open(TargetProcess process);
}
