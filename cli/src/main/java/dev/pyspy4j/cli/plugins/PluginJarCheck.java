// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.SpiVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Decides, before any of its providers is used, whether a plugin jar can work with this pyspy4j, and if not says
 * why in words that name the jar's problem: it cannot be read, it declares another SPI version in its manifest, or a
 * provider it registers cannot be loaded, does not implement every method of its interface (it was compiled against
 * another SPI), or reports another SPI version. Catching this here turns what would be a
 * {@link java.util.ServiceConfigurationError} or an {@link AbstractMethodError} in the middle of a recording into
 * one line at start-up.
 */
final class PluginJarCheck {
    private static final String SERVICES = "META-INF/services/";
    private static final String SPI_PACKAGE = Provider.class.getPackageName() + ".";

    private PluginJarCheck() {
    }

    /**
     * Why {@code jar} cannot be used, or empty when it can.
     *
     * @param loader a class loader that sees {@code jar} (and the other plugin jars it may depend on)
     */
    static Optional<String> problem(Path jar, ClassLoader loader) {
        if (!Files.isReadable(jar)) {
            return Optional.of("cannot be read");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Optional<String> declared = declaredVersionProblem(file.getManifest());
            if (declared.isPresent()) {
                return declared;
            }
            for (String service : serviceFiles(file)) {
                for (String className : providerNames(file, service)) {
                    Optional<String> problem = providerProblem(service.substring(SERVICES.length()), className, loader);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be read as a jar (" + firstLine(e) + ")");
        }
    }

    /** A mismatch between the version in the manifest's {@link SpiVersion#MANIFEST_ATTRIBUTE} and this SPI's. */
    private static Optional<String> declaredVersionProblem(Manifest manifest) {
        if (manifest == null) {
            return Optional.empty();
        }
        String declared = manifest.getMainAttributes().getValue(new Attributes.Name(SpiVersion.MANIFEST_ATTRIBUTE));
        if (declared == null) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(declared.trim());
            return version == SpiVersion.CURRENT ? Optional.empty() : Optional.of(mismatch(version));
        } catch (NumberFormatException e) {
            return Optional.of("its manifest's " + SpiVersion.MANIFEST_ATTRIBUTE + " is '" + declared
                    + "', not a version number");
        }
    }

    private static String mismatch(int version) {
        return "built for SPI version " + version + ", this pyspy4j has SPI version " + SpiVersion.CURRENT;
    }

    /** The jar's service files for pyspy4j's SPI types, in name order. */
    private static List<String> serviceFiles(JarFile file) {
        List<String> names = new ArrayList<>();
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (name.startsWith(SERVICES + SPI_PACKAGE) && name.length() > SERVICES.length()) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /** The class names a service file lists, without comments and blank lines, as ServiceLoader reads them. */
    private static List<String> providerNames(JarFile file, String service) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                file.getInputStream(file.getJarEntry(service)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Optional<String> providerProblem(String typeName, String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(typeName, false, PluginJarCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("registers a provider of " + typeName + ", which this pyspy4j (SPI version "
                    + SpiVersion.CURRENT + ") does not have; it was built for another SPI version");
        }
        if (!Provider.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        try {
            Class<?> implementation = Class.forName(className, false, loader);
            if (!type.isAssignableFrom(implementation)) {
                return Optional.of(className + " does not implement " + type.getName());
            }
            if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
                return Optional.of(className + " is abstract");
            }
            Optional<Method> missing = unimplemented(type, implementation);
            if (missing.isPresent()) {
                return Optional.of(className + " does not implement " + type.getSimpleName() + "."
                        + missing.get().getName() + "; it was built for another SPI version (this pyspy4j has SPI"
                        + " version " + SpiVersion.CURRENT + ")");
            }
            Provider provider = (Provider) implementation.getConstructor().newInstance();
            int version = provider.spiVersion();
            return version == SpiVersion.CURRENT ? Optional.empty()
                    : Optional.of(className + " was " + mismatch(version));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A class missing at run time, compiled for a newer Java, or failing in its constructor.
            return Optional.of(className + " cannot be loaded: " + describe(e));
        }
    }

    /** A method of the SPI interface the implementation leaves abstract: calling it would fail mid-run. */
    private static Optional<Method> unimplemented(Class<?> type, Class<?> implementation) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers())
                    && Modifier.isAbstract(implementation.getMethod(method.getName(), method.getParameterTypes())
                            .getModifiers())) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
                ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause));
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
