// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The providers the commands use, one registry per axis: found through {@link java.util.ServiceLoader} in a real
 * run, given as lists in tests. The native-stack axes ({@code --native}) may be empty: only runs that ask for
 * native stacks need them.
 */
public record Providers(ProviderRegistry<ProcessAccessProvider> processAccess,
                        ProviderRegistry<ThreadActivityProvider> threadActivity,
                        ProviderRegistry<PythonInterpreterProvider> interpreters,
                        ProviderRegistry<OutputFormat> outputFormats,
                        ProviderRegistry<NativeUnwinderProvider> unwinders,
                        ProviderRegistry<SymbolResolverProvider> symbolResolvers) {
    public Providers {
        Objects.requireNonNull(processAccess, "processAccess is null");
        Objects.requireNonNull(threadActivity, "threadActivity is null");
        Objects.requireNonNull(interpreters, "interpreters is null");
        Objects.requireNonNull(outputFormats, "outputFormats is null");
        Objects.requireNonNull(unwinders, "unwinders is null");
        Objects.requireNonNull(symbolResolvers, "symbolResolvers is null");
    }

    /** Providers without any for native stacks. */
    public Providers(ProviderRegistry<ProcessAccessProvider> processAccess,
                     ProviderRegistry<ThreadActivityProvider> threadActivity,
                     ProviderRegistry<PythonInterpreterProvider> interpreters,
                     ProviderRegistry<OutputFormat> outputFormats) {
        this(processAccess, threadActivity, interpreters, outputFormats,
                ProviderRegistry.of(NativeUnwinderProvider.class, List.of()),
                ProviderRegistry.of(SymbolResolverProvider.class, List.of()));
    }

    /** Every provider visible to {@code loader}. */
    public static Providers load(ClassLoader loader) {
        return new Providers(ProviderRegistry.load(ProcessAccessProvider.class, loader),
                ProviderRegistry.load(ThreadActivityProvider.class, loader),
                ProviderRegistry.load(PythonInterpreterProvider.class, loader),
                ProviderRegistry.load(OutputFormat.class, loader),
                ProviderRegistry.load(NativeUnwinderProvider.class, loader),
                ProviderRegistry.load(SymbolResolverProvider.class, loader));
    }

    /** Exactly the given providers. */
    public static Providers of(List<ProcessAccessProvider> processAccess, List<ThreadActivityProvider> threadActivity,
                               List<PythonInterpreterProvider> interpreters, List<OutputFormat> outputFormats) {
        return new Providers(ProviderRegistry.of(ProcessAccessProvider.class, processAccess),
                ProviderRegistry.of(ThreadActivityProvider.class, threadActivity),
                ProviderRegistry.of(PythonInterpreterProvider.class, interpreters),
                ProviderRegistry.of(OutputFormat.class, outputFormats));
    }

    /** These providers, with exactly the given ones for native stacks. */
    public Providers withNative(List<NativeUnwinderProvider> unwinderList, List<SymbolResolverProvider> resolverList) {
        return new Providers(processAccess, threadActivity, interpreters, outputFormats,
                ProviderRegistry.of(NativeUnwinderProvider.class, unwinderList),
                ProviderRegistry.of(SymbolResolverProvider.class, resolverList));
    }

    /** Why providers were skipped while loading. */
    public List<String> problems() {
        return Stream.of(processAccess, threadActivity, interpreters, outputFormats, unwinders, symbolResolvers)
                .flatMap(registry -> registry.problems().stream())
                .toList();
    }

    /** One line per provider, {@code <type>: <id>}, with what it reads and whether it works on {@code platform}. */
    public List<String> listing(Platform platform) {
        return listing(platform, provider -> "");
    }

    /**
     * One line per provider as {@link #listing(Platform)} gives it, followed by {@code [<origin>]} where
     * {@code origin} tells one (e.g. {@code built in}, or the plugin jar it came from).
     */
    public List<String> listing(Platform platform, Function<Object, String> origin) {
        List<String> lines = new ArrayList<>();
        lines.addAll(describe("ProcessAccessProvider", processAccess, platform, p -> "", origin));
        lines.addAll(describe("ThreadActivityProvider", threadActivity, platform, p -> "", origin));
        lines.addAll(describe("PythonInterpreterProvider", interpreters, platform,
                p -> " (" + p.supportedVersions() + ")", origin));
        lines.addAll(describe("OutputFormat", outputFormats, platform, p -> " (" + p.description() + ")", origin));
        lines.addAll(describe("NativeUnwinderProvider", unwinders, platform, p -> " (" + p.description() + ")",
                origin));
        lines.addAll(describe("SymbolResolverProvider", symbolResolvers, platform, p -> "", origin));
        return lines;
    }

    private static <T extends Provider> List<String> describe(String type, ProviderRegistry<T> registry,
                                                              Platform platform, Function<T, String> details,
                                                              Function<Object, String> origin) {
        return registry.all().stream()
                .map(p -> type + ": " + p.id() + details.apply(p)
                        + (p.isSupported(platform) ? "" : " [not supported on " + platform + "]")
                        + (origin.apply(p).isEmpty() ? "" : " [" + origin.apply(p) + "]"))
                .toList();
    }
}
