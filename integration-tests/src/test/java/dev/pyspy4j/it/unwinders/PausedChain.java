// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it.unwinders;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The chain thread of a running call-chain program, unwound by several unwinders within one pause, so that they all
 * see the same registers and memory. The process is attached with the OS provider that {@link ServiceLoader} finds,
 * as pyspy4j does; the pause, the register read and the unwinds run on the calling thread, which ptrace requires.
 */
final class PausedChain {
    private static final int MAX_FRAMES = 128;
    private static final int ATTEMPTS = 200;
    private static final long RETRY_MILLIS = 20;

    /** What one pause showed: each unwinder's stack, by provider id, and how to name its frames. */
    record Unwound(Map<String, NativeStack> stacks, FrameNames names) {
    }

    private PausedChain() {
    }

    /** Every {@link NativeUnwinderProvider} that supports this machine, by id. */
    static Map<String, NativeUnwinderProvider> unwinderProviders() {
        Map<String, NativeUnwinderProvider> providers = new LinkedHashMap<>();
        for (NativeUnwinderProvider provider : ServiceLoader.load(NativeUnwinderProvider.class)) {
            if (provider.isSupported(Platform.current())) {
                providers.put(provider.id(), provider);
            }
        }
        return providers;
    }

    /**
     * Pauses {@code program} once its chain thread is where {@code variant} puts it (its leaf in level_c, or in libc
     * while asleep), unwinds that thread with each provider, and resumes the program.
     */
    static Unwound unwind(ChainProgram program, ChainVariant variant, ProgramSymbols symbols,
            List<NativeUnwinderProvider> providers) throws IOException, InterruptedException {
        ProcessAccessProvider access = ServiceLoader.load(ProcessAccessProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(provider -> provider.isSupported(Platform.current()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no process access provider"));
        long tid = program.chainThread(variant);
        try (TargetProcess target = access.attach(program.pid())) {
            FrameNames names = new FrameNames(symbols, program.executable(), target.regions());
            List<NativeUnwinder> unwinders = new ArrayList<>();
            try {
                for (NativeUnwinderProvider provider : providers) {
                    unwinders.add(provider.open(target));
                }
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    if (!variant.leafInLibc() || program.threadState(tid) == 'S') {
                        Map<String, NativeStack> stacks = unwindIfInPlace(target, tid, variant, names, providers,
                                unwinders);
                        if (stacks != null) {
                            return new Unwound(stacks, names);
                        }
                    }
                    Thread.sleep(RETRY_MILLIS);
                }
            } finally {
                unwinders.forEach(NativeUnwinder::close);
            }
        }
        throw new IllegalStateException("thread " + tid + " of " + variant + " never showed its leaf in place");
    }

    /** The stacks, or {@code null} when the thread's leaf was not in place yet (the pause is then just undone). */
    private static Map<String, NativeStack> unwindIfInPlace(TargetProcess target, long tid, ChainVariant variant,
            FrameNames names, List<NativeUnwinderProvider> providers, List<NativeUnwinder> unwinders) {
        try (PauseHandle paused = target.pause()) {
            Registers registers = paused.registers(tid)
                    .orElseThrow(() -> new IllegalStateException("no registers for thread " + tid));
            String leaf = names.nameAt(registers.instructionPointer());
            boolean inPlace = variant.leafInLibc() ? leaf.equals(FrameNames.OUTSIDE) : leaf.equals("level_c");
            if (!inPlace) {
                return null;
            }
            Map<String, NativeStack> stacks = new LinkedHashMap<>();
            for (int i = 0; i < providers.size(); i++) {
                stacks.put(providers.get(i).id(), unwinders.get(i).unwind(tid, registers, MAX_FRAMES));
            }
            return stacks;
        }
    }
}
