// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin jars of one run and the class loader that sees them (its parent sees pyspy4j's own providers), with
 * the warnings about jars that were left out. Providers are then found through {@link java.util.ServiceLoader} on
 * {@link #classLoader()}: pyspy4j's own first, then the plugins' in search order.
 *
 * @param classLoader the loader to find providers with
 * @param jars        the plugin jars it loads from, in order
 * @param warnings    one line per jar left out, each saying which and why
 */
public record Plugins(ClassLoader classLoader, List<Path> jars, List<String> warnings) {
    private static final String LOADER_NAME = "pyspy4j-plugins";

    public Plugins {
        jars = List.copyOf(jars);
        warnings = List.copyOf(warnings);
    }

    /** No plugins: providers come from {@code loader} alone. */
    public static Plugins none(ClassLoader loader) {
        return new Plugins(loader, List.of(), List.of());
    }

    /** The plugins on {@code searchPath}, over {@code parent}. */
    public static Plugins load(PluginSearchPath searchPath, ClassLoader parent) {
        List<String> warnings = new ArrayList<>();
        List<Path> candidates = searchPath.jars(warnings::add);
        if (candidates.isEmpty()) {
            return new Plugins(parent, List.of(), warnings);
        }
        // Every candidate is checked with all of them visible, so a plugin may ship its libraries as jars of their own.
        URLClassLoader probe = loaderOver(candidates, parent);
        List<Path> accepted = new ArrayList<>();
        for (Path jar : candidates) {
            Optional<String> problem = PluginJarCheck.problem(jar, probe);
            if (problem.isPresent()) {
                warnings.add("pyspy4j: plugin " + jar + " skipped: " + problem.get());
            } else {
                accepted.add(jar);
            }
        }
        if (accepted.size() == candidates.size()) {
            return new Plugins(probe, accepted, warnings);
        }
        close(probe);
        return new Plugins(accepted.isEmpty() ? parent : loaderOver(accepted, parent), accepted, warnings);
    }

    /** Where {@code provider} came from: {@code plugin <jar>} for one from a plugin jar, else {@code built in}. */
    public String origin(Object provider) {
        Class<?> type = provider.getClass();
        if (type.getClassLoader() == classLoader && !jars.isEmpty()) {
            Optional<Path> jar = jarOf(type);
            if (jar.isPresent() && jars.contains(jar.get())) {
                return "plugin " + jar.get();
            }
        }
        return "built in";
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            try {
                return Optional.of(location.toRealPath());
            } catch (IOException e) {
                return Optional.of(location.toAbsolutePath().normalize());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static URLClassLoader loaderOver(List<Path> jars, ClassLoader parent) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a file path always makes a URL: " + jars.get(i), e);
            }
        }
        return new URLClassLoader(LOADER_NAME, urls, parent);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Only open jar files are released here; the loader is discarded either way.
        }
    }
}
