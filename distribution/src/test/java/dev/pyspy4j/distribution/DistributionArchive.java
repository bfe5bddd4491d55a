// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The archive this build wrote (system property {@code pyspy4j.distribution.archive}), unpacked with tar. */
final class DistributionArchive {
    private static final String SERVICES = "META-INF/services/";

    private final String name;
    private final Path home;

    private DistributionArchive(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    static DistributionArchive unpackBuilt(Path into) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("pyspy4j.distribution.archive"));
        String name = System.getProperty("pyspy4j.distribution.name");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IOException("tar -xzf " + archive + " failed: " + output);
        }
        return new DistributionArchive(name, into.resolve(name));
    }

    /** The archive's top directory. */
    String name() {
        return name;
    }

    boolean hasEntry(String relativePath) {
        return Files.exists(home.resolve(relativePath));
    }

    /** The file names of the jars in {@code lib/}, sorted. */
    List<String> jarNames() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".jar")).sorted()
                    .toList();
        }
    }

    String launcher() throws IOException {
        return Files.readString(home.resolve("bin/pyspy4j"));
    }

    /** Every provider registered in a jar's {@code META-INF/services}, by service interface. */
    Map<String, Set<String>> providers() throws IOException {
        Map<String, Set<String>> providers = new TreeMap<>();
        for (String jarName : jarNames()) {
            try (JarFile jar = new JarFile(home.resolve("lib").resolve(jarName).toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String service = entry.getName().substring(Math.min(entry.getName().length(), SERVICES.length()));
                    if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()
                            && service.startsWith("dev.pyspy4j.")) {
                        providers.computeIfAbsent(service, key -> new TreeSet<>()).addAll(classNames(jar, entry));
                    }
                }
            }
        }
        return providers;
    }

    /** The class names of a service file: one a line, {@code #} comments and blank lines skipped. */
    private static List<String> classNames(JarFile jar, JarEntry entry) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
