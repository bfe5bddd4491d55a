// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import java.util.Objects;
import java.util.Optional;

/** The unwinder and the symbol resolver a run with native stacks uses, chosen once for the run. */
public record NativeProviders(NativeUnwinderProvider unwinder, SymbolResolverProvider symbols) {
    public NativeProviders {
        Objects.requireNonNull(unwinder, "unwinder is null");
        Objects.requireNonNull(symbols, "symbols is null");
    }

    /**
     * The unwinder named {@code mode.unwinderId()} (else the supported one with the highest priority) and the
     * supported symbol resolver with the highest priority.
     *
     * @throws SpyException USAGE for an unknown unwinder; UNSUPPORTED_PLATFORM, saying that native stacks are not
     *                      available and why, when a provider is missing or does not support {@code platform}
     */
    public static NativeProviders select(Providers providers, Platform platform, NativeMode mode) {
        if (!mode.enabled()) {
            throw new IllegalArgumentException("native stacks were not asked for");
        }
        return new NativeProviders(available(() -> providers.unwinders().select(platform, mode.unwinderId())),
                available(() -> providers.symbolResolvers().select(platform, Optional.empty())));
    }

    private static <T> T available(java.util.function.Supplier<T> choice) {
        try {
            return choice.get();
        } catch (SpyException e) {
            if (e.kind() == FailureKind.USAGE) {
                throw e;
            }
            throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "native stacks are not available: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens the unwinder and the resolver for one process whose interpreter is {@code interpreter}; both are closed
     * with the returned stacks.
     *
     * @param maxFrames the most native frames unwound per thread
     */
    public NativeStacks open(TargetProcess process, PythonInterpreter interpreter, int maxFrames) {
        NativeUnwinder openedUnwinder = unwinder.open(process);
        try {
            SymbolResolver resolver = symbols.open(process);
            return new NativeStacks(openedUnwinder, resolver,
                    InterpreterBinaries.of(interpreter.binaryPath(), process.executablePath()), maxFrames);
        } catch (RuntimeException | Error e) {
            openedUnwinder.close();
            throw e;
        }
    }
}
