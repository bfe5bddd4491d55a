// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The example plugin project {@code examples/output-plugin}, built as its README says, with Maven, and pyspy4j's
 * {@code pyspy4j} launcher that users run it with.
 *
 * <p>The example depends on the {@code pyspy4j-spi} artifact, which a build of this repository packages but never
 * installs. So the build gets a local repository of its own: the SPI jar just built, and every other artifact
 * through symbolic links to the user's local repository (read only; offline, it downloads nothing). The example is
 * copied first, so its {@code target} directory stays out of the source tree.
 */
final class ExamplePlugin {
    static final String FORMAT_ID = "topfunctions";
    private static final String ARTIFACT = "pyspy4j-topfunctions-1.0.0.jar";
    private static final String SPI_GROUP = "dev/pyspy4j";
    private static final long BUILD_TIMEOUT_SECONDS = 600;

    private ExamplePlugin() {
    }

    /** The repository's root: the directory holding the launcher, above the module the tests run in. */
    static Path root() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("pyspy4j")) && Files.isDirectory(directory.resolve("examples"))) {
                return directory;
            }
        }
        throw new AssertionError("no pyspy4j launcher above " + Path.of("").toAbsolutePath());
    }

    /** Builds the example in {@code work} ({@code mvn -o package}, its own unit test included) and returns its jar. */
    static Path build(Path work) throws IOException, InterruptedException {
        Path project = work.resolve("output-plugin");
        copyTree(root().resolve("examples/output-plugin"), project);
        Path repository = repositoryWithSpi(work.resolve("repository"));
        List<String> command = List.of("mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + repository,
                "-Dpyspy4j.version=" + version(), "-f", project.resolve("pom.xml").toString(), "package");
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("maven.log").toFile()).start();
        try {
            if (!maven.waitFor(BUILD_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the example's Maven build did not finish");
            }
        } finally {
            maven.destroyForcibly();
            maven.waitFor();
        }
        assertThat(maven.exitValue()).as("'%s' failed:%n%s", String.join(" ", command),
                Files.readString(work.resolve("maven.log"))).isZero();
        Path jar = project.resolve("target").resolve(ARTIFACT);
        assertThat(jar).isRegularFile();
        return jar;
    }

    /** A copy of {@code jar} whose manifest says it was built for SPI version {@code spiVersion}. */
    static Path withDeclaredSpiVersion(Path jar, String spiVersion, Path copy) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Pyspy4j-Spi-Version"), spiVersion);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (!entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
        return copy;
    }

    /**
     * Runs {@code ./pyspy4j args...} in {@code directory} with a home directory of the test's and no plugin settings
     * but {@code environment}, so that plugins the machine's user installed take no part.
     */
    static Pyspy4jJar.Result launch(Path directory, Path home, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root().resolve("pyspy4j").toString()));
        command.addAll(List.of(args));
        return Pyspy4jJar.runCommand(command, directory, variables -> {
            variables.remove("PYSPY4J_PLUGIN_PATH");
            variables.remove("XDG_CONFIG_HOME");
            variables.remove("PYSPY4J_JAVA_OPTS");
            variables.put("HOME", home.toString());
            variables.put("JAVA_HOME", System.getProperty("java.home"));
            variables.putAll(environment);
        });
    }

    private static String version() {
        String version = System.getProperty("pyspy4j.version");
        assertThat(version).as("system property pyspy4j.version (set by the build)").isNotBlank();
        return version;
    }

    /** A local repository holding the freshly built SPI jar, and links to everything else the build needs. */
    private static Path repositoryWithSpi(Path repository) throws IOException {
        Path userRepository = Path.of(System.getProperty("pyspy4j.maven.repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        linkAllBut(userRepository, repository, "dev");
        linkAllBut(userRepository.resolve("dev"), repository.resolve("dev"), "pyspy4j");
        Path spiJar = root().resolve("spi/target/pyspy4j-spi-" + version() + ".jar");
        assertThat(spiJar).as("the SPI jar (run 'mvn verify', which packages it first)").isRegularFile();
        Path spi = Files.createDirectories(repository.resolve(SPI_GROUP).resolve("pyspy4j-spi").resolve(version()));
        Files.copy(spiJar, spi.resolve("pyspy4j-spi-" + version() + ".jar"));
        // The SPI depends on nothing, so a minimal pom describes it fully.
        Files.writeString(spi.resolve("pyspy4j-spi-" + version() + ".pom"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.pyspy4j</groupId>
                  <artifactId>pyspy4j-spi</artifactId>
                  <version>%s</version>
                </project>
                """.formatted(version()));
        return repository;
    }

    private static void linkAllBut(Path source, Path target, String excluded) throws IOException {
        Files.createDirectories(target);
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> entries = Files.list(source)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(excluded)) {
                    Files.createSymbolicLink(target.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(file -> !source.relativize(file).startsWith("target")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
