// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Plugin jars compiled in a test: sources compiled against the SPI, a service file, an optional manifest attribute. */
final class TestPluginJars {
    static final String OUTPUT_FORMAT_SERVICE = "META-INF/services/dev.pyspy4j.spi.output.OutputFormat";

    private TestPluginJars() {
    }

    /** An output format {@code org.example.<className>} with id {@code id}; {@code extraMembers} go in its body. */
    static String outputFormatSource(String className, String id, String extraMembers) {
        return """
                package org.example;

                public final class %s implements dev.pyspy4j.spi.output.OutputFormat {
                    public String id() { return "%s"; }
                    public String description() { return "a test format"; }
                    public String fileExtension() { return "txt"; }
                    public dev.pyspy4j.spi.output.Recorder newRecorder(dev.pyspy4j.spi.output.OutputSettings s) {
                        throw new UnsupportedOperationException();
                    }
                    %s
                }
                """.formatted(className, id, extraMembers);
    }

    /**
     * Compiles {@code sources} (file path within the source tree → text) against the SPI and writes a jar with the
     * classes under {@code org/} only, the given extra entries and manifest attributes.
     */
    static Path build(Path directory, String jarName, Map<String, String> sources, Map<String, String> entries,
                      Map<String, String> manifestAttributes) throws IOException, URISyntaxException {
        Path sourceRoot = Files.createDirectories(directory.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(directory.resolve(jarName + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-classpath", spiLocation().toString(),
                "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            arguments.add(Files.writeString(file, source.getValue()).toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit status")
                    .isZero();
        }

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        Path jar = directory.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                add(out, entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
            Path plugins = classes.resolve("org");
            if (Files.isDirectory(plugins)) {
                try (Stream<Path> compiled = Files.walk(plugins)) {
                    for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                        add(out, classes.relativize(file).toString(), Files.readAllBytes(file));
                    }
                }
            }
        }
        return jar;
    }

    private static Path spiLocation() throws URISyntaxException {
        return Path.of(Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }
}
