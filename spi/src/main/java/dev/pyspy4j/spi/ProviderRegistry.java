// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Discovers the providers of one type through {@link ServiceLoader}, once, and chooses among them.
 * A provider that fails to load or was built for another SPI version is skipped and remembered
 * in {@link #problems()} instead of hiding the others; choosing by id or priority reports clearly
 * when nothing fits.
 *
 * @param <T> the provider type
 */
public final class ProviderRegistry<T extends Provider> {
    private final Class<T> type;
    private final List<T> providers;
    private final List<String> problems;

    private ProviderRegistry(Class<T> type, List<T> providers, List<String> problems) {
        this.type = type;
        this.providers = List.copyOf(providers);
        this.problems = List.copyOf(problems);
    }

    /** Loads every provider of {@code type} visible to {@code loader}. */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> type, ClassLoader loader) {
        Objects.requireNonNull(type, "type is null");
        List<T> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<T> iterator = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                T provider = iterator.next();
                if (provider.spiVersion() != SpiVersion.CURRENT) {
                    problems.add(provider.getClass().getName() + " was built for SPI version "
                            + provider.spiVersion() + ", this is version " + SpiVersion.CURRENT + "; skipped");
                } else {
                    found.add(provider);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // One broken jar on the class path must not hide the providers that work.
                problems.add(type.getSimpleName() + " provider failed to load: " + e.getMessage());
            }
        }
        return new ProviderRegistry<>(type, found, problems);
    }

    /** A registry over an explicit list, for tests and for embedding. */
    public static <T extends Provider> ProviderRegistry<T> of(Class<T> type, List<T> providers) {
        return new ProviderRegistry<>(type, providers, List.of());
    }

    /** Every loaded provider, supported on this platform or not, in discovery order. */
    public List<T> all() {
        return providers;
    }

    /** Why some providers were skipped; shown with {@code --verbose}. */
    public List<String> problems() {
        return problems;
    }

    /** The providers that support {@code platform}, highest priority first, ties by id. */
    public List<T> supported(Platform platform) {
        return providers.stream()
                .filter(p -> p.isSupported(platform))
                .sorted(Comparator.comparingInt((T p) -> -p.priority()).thenComparing(Provider::id))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The provider with the given id if one was asked for, else the supported one with the highest priority.
     *
     * @throws SpyException {@link FailureKind#USAGE} for an unknown id,
     *                      {@link FailureKind#UNSUPPORTED_PLATFORM} when nothing supports the platform
     */
    public T select(Platform platform, Optional<String> requestedId) {
        if (requestedId.isPresent()) {
            String id = requestedId.get();
            T match = providers.stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new SpyException(FailureKind.USAGE, "no " + describe() + " named '" + id
                            + "'; available: " + ids(providers)));
            if (!match.isSupported(platform)) {
                throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM,
                        describe() + " '" + id + "' does not support " + platform);
            }
            return match;
        }
        List<T> candidates = supported(platform);
        if (candidates.isEmpty()) {
            throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "no " + describe() + " supports " + platform
                    + (providers.isEmpty() ? " (none found on the class path)" : "; found: " + ids(providers)));
        }
        return candidates.get(0);
    }

    /** The provider with exactly this id, if loaded. */
    public Optional<T> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private String describe() {
        return type.getSimpleName();
    }

    private static String ids(List<? extends Provider> list) {
        return list.isEmpty() ? "none" : list.stream().map(Provider::id).collect(Collectors.joining(", "));
    }
}
