// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the {@code cpython-<major.minor>.properties} layout tables that {@link StructLayouts} loads, by
 * compiling {@code offsetof}/{@code sizeof} probes against installed CPython headers with gcc and running them.
 * Usage: {@code LayoutGenerator <output dir> <include dir>[:<pyconfig.h dir>]...}; several header sets of one
 * minor version must give the same table, which then names them all. The probes run on this machine, so the
 * tables are those of its architecture ({@link #ARCH}) and belong in that architecture's directory; tables of
 * another architecture (aarch64) are generated on a machine of that architecture.
 */
public final class LayoutGenerator {
    /** The architecture the probes are compiled for and run on: this machine's. */
    static final TargetArch ARCH = Platform.current().arch();
    /** Where the tables of {@link #ARCH} live, relative to the repository root. */
    static final String RESOURCE_DIR = "python-versions/src/main/resources/dev/pyspy4j/python/layout/" + ARCH.name();

    private LayoutGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LayoutGenerator <output dir> <include dir>[:<pyconfig.h dir>]...");
            System.exit(2);
        }
        Path outputDir = Path.of(args[0]);
        List<HeaderSet> headerSets = Arrays.stream(args, 1, args.length).map(HeaderSpec::parse).toList();
        Map<String, List<HeaderSet>> byMinor = headerSets.stream().collect(
                Collectors.groupingBy(HeaderSet::minorVersion, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<HeaderSet>> entry : byMinor.entrySet()) {
            Path file = outputDir.resolve(fileName(entry.getKey()));
            Files.writeString(file, generate(entry.getValue()));
            System.out.println("wrote " + file);
        }
    }

    static String fileName(String minorVersion) {
        return "cpython-" + minorVersion + ".properties";
    }

    /** The values of one header set, and the library whose debug info supplied source-only structs. */
    record Measurement(HeaderSet headers, Map<String, String> values, Optional<Path> debugInfo) {
    }

    /** The table text for header sets of one minor version; fails if they disagree on any value. */
    static String generate(List<HeaderSet> headerSets) {
        List<Measurement> measurements = headerSets.stream().map(LayoutGenerator::measure).toList();
        Measurement first = measurements.get(0);
        for (Measurement other : measurements.subList(1, measurements.size())) {
            if (!other.values().equals(first.values())) {
                throw new IllegalStateException("the headers of CPython " + first.headers().pythonVersion()
                        + " and " + other.headers().pythonVersion() + " give different layouts:\n"
                        + TableDiff.of(LayoutFile.body(first.values()), LayoutFile.body(other.values())));
            }
        }
        return LayoutFile.render(measurements);
    }

    /**
     * Every probe value of one header set, by key: from the headers, then the source-only structs the headers
     * lack from the shared library's debug info.
     */
    static Measurement measure(HeaderSet headers) {
        Path workDir = createWorkDir();
        try {
            List<Probe> probes = ProbeCatalog.forHeaders(headers);
            Map<String, String> values = new TreeMap<>(new ProbeCompiler(headers, workDir).measure(probes));
            List<Probe> missing = probes.stream()
                    .filter(probe -> DebugInfoProbes.isSourceOnly(probe) && !values.containsKey(probe.key()))
                    .toList();
            Optional<Path> library = missing.isEmpty() ? Optional.empty() : headers.sharedLibrary();
            Map<String, String> supplement = library
                    .map(path -> DebugInfoProbes.measure(path, missing, workDir)).orElse(Map.of());
            values.putAll(supplement);
            return new Measurement(headers, values, supplement.isEmpty() ? Optional.empty() : library);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("pyspy4j-layout-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
