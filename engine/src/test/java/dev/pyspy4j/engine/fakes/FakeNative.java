// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Native-stack providers over canned data: an unwinder that returns a chosen stack per OS thread and a resolver that
 * names chosen addresses, both counting what was asked of them.
 */
public final class FakeNative {
    private FakeNative() {
    }

    /** An unwinder provider; its unwinders return the stack chosen for each thread, an empty one otherwise. */
    public static final class Unwinders implements NativeUnwinderProvider {
        private final String id;
        private final int priority;
        private final boolean supported;
        private final Map<Long, NativeStack> stacks = new HashMap<>();
        private final List<Long> unwound = new ArrayList<>();
        private final List<Integer> maxFrames = new ArrayList<>();
        private int opens;
        private int closes;
        private int refreshes;

        public Unwinders(String id, int priority, boolean supported) {
            this.id = id;
            this.priority = priority;
            this.supported = supported;
        }

        public Unwinders stack(long osThreadId, NativeStack stack) {
            stacks.put(osThreadId, stack);
            return this;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean isSupported(Platform platform) {
            return supported;
        }

        @Override
        public String description() {
            return "the fake unwinder " + id;
        }

        @Override
        public NativeUnwinder open(TargetProcess process) {
            opens++;
            return new NativeUnwinder() {
                @Override
                public NativeStack unwind(long osThreadId, Registers registers, int cap) {
                    unwound.add(osThreadId);
                    maxFrames.add(cap);
                    return stacks.getOrDefault(osThreadId, NativeStack.complete());
                }

                @Override
                public void refresh() {
                    refreshes++;
                }

                @Override
                public void close() {
                    closes++;
                }
            };
        }

        public int opens() {
            return opens;
        }

        public int closes() {
            return closes;
        }

        public int refreshes() {
            return refreshes;
        }

        /** The threads unwound, in order, over every opened unwinder. */
        public List<Long> unwound() {
            return unwound;
        }

        /** The frame cap of each unwind. */
        public List<Integer> maxFrames() {
            return maxFrames;
        }
    }

    /**
     * A resolver provider: chosen addresses are named, any other is in no mapping until a refresh, when the ones
     * chosen "after a refresh" appear.
     */
    public static final class Symbols implements SymbolResolverProvider {
        private final Map<Long, NativeSymbol> symbols = new HashMap<>();
        private final Map<Long, NativeSymbol> afterRefresh = new HashMap<>();
        private final List<Long> lookups = new ArrayList<>();
        private RuntimeException openFailure;
        private int opens;
        private int closes;
        private int refreshes;

        /** Names {@code address} as {@code function} in {@code module}. */
        public Symbols symbol(long address, String module, String function) {
            return symbol(new NativeSymbol(address, module, function, function, null, 0));
        }

        public Symbols symbol(NativeSymbol symbol) {
            symbols.put(symbol.address(), symbol);
            return this;
        }

        /** Opening a resolver fails with {@code failure}. */
        public Symbols failingToOpen(RuntimeException failure) {
            this.openFailure = failure;
            return this;
        }

        /** {@code symbol} is known only once the resolver re-read the memory map. */
        public Symbols appearingAfterRefresh(NativeSymbol symbol) {
            afterRefresh.put(symbol.address(), symbol);
            return this;
        }

        @Override
        public String id() {
            return "fake-symbols";
        }

        @Override
        public SymbolResolver open(TargetProcess process) {
            opens++;
            if (openFailure != null) {
                throw openFailure;
            }
            Map<Long, NativeSymbol> known = new HashMap<>(symbols);
            return new SymbolResolver() {
                @Override
                public NativeSymbol resolve(long address) {
                    lookups.add(address);
                    return known.getOrDefault(address, NativeSymbol.unnamed(address, null));
                }

                @Override
                public void refresh() {
                    refreshes++;
                    known.putAll(afterRefresh);
                }

                @Override
                public void close() {
                    closes++;
                }
            };
        }

        public int opens() {
            return opens;
        }

        public int closes() {
            return closes;
        }

        public int refreshes() {
            return refreshes;
        }

        /** Every address looked up, in order. */
        public List<Long> lookups() {
            return lookups;
        }
    }
}
