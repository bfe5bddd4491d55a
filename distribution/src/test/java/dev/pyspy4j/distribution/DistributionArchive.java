// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A distribution archive this build wrote, unpacked: a .tar.gz with tar, a .zip with the JDK's zip reader. */
final class DistributionArchive {
    private static final String SERVICES = "META-INF/services/";

    private final String name;
    private final Path home;

    private DistributionArchive(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    /** The jlink'd distribution of this OS (system properties {@code pyspy4j.distribution.archive}, {@code name}). */
    static DistributionArchive unpackBuilt(Path into) throws IOException, InterruptedException {
        return unpack(Path.of(System.getProperty("pyspy4j.distribution.archive")),
                System.getProperty("pyspy4j.distribution.name"), into);
    }

    /** Unpacks {@code archive}, whose top directory is {@code name}, into {@code into}. */
    static DistributionArchive unpack(Path archive, String name, Path into) throws IOException, InterruptedException {
        if (archive.getFileName().toString().endsWith(".zip")) {
            unzip(archive, into);
        } else {
            untar(archive, into);
        }
        return new DistributionArchive(name, into.resolve(name));
    }

    private static void untar(Path archive, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IOException("tar -xzf " + archive + " failed: " + output);
        }
    }

    private static void unzip(Path archive, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(archive + " has an entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
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

    /** A file of the distribution, by its path below the top directory. */
    Path file(String relativePath) {
        return home.resolve(relativePath);
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
