// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.output.OutputFormat;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A third-party output plugin built the way a user would build one: a class implementing {@link OutputFormat},
 * compiled against the SPI jar alone, registered in {@code META-INF/services} and put in a jar.
 */
final class PluginJar {
    static final String FORMAT_ID = "leafcount";
    private static final String CLASS_NAME = "org.example.LeafCountFormat";
    private static final String SOURCE = """
            package org.example;

            import dev.pyspy4j.spi.model.StackTrace;
            import dev.pyspy4j.spi.output.OutputFormat;
            import dev.pyspy4j.spi.output.OutputSettings;
            import dev.pyspy4j.spi.output.Recorder;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.nio.charset.StandardCharsets;
            import java.util.Map;
            import java.util.TreeMap;

            /** Counts samples per innermost function. */
            public final class LeafCountFormat implements OutputFormat {
                public String id() { return "leafcount"; }
                public String description() { return "samples per innermost function (a test plugin)"; }
                public String fileExtension() { return "leaves"; }

                public Recorder newRecorder(OutputSettings settings) {
                    Map<String, Long> counts = new TreeMap<>();
                    return new Recorder() {
                        public void record(StackTrace trace, long elapsedNanos) {
                            if (!trace.frames().isEmpty()) {
                                counts.merge(trace.frames().get(0).name(), 1L, Long::sum);
                            }
                        }

                        public void writeTo(OutputStream out) throws IOException {
                            StringBuilder text = new StringBuilder("leafcount rate=" + settings.sampleRate() + "\\n");
                            counts.forEach((name, count) -> text.append(name).append(' ').append(count).append('\\n'));
                            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                        }

                        public String announce(String path) { return "Wrote leaf counts to '" + path + "'"; }

                        public String hint() { return "Read it with any pager"; }
                    };
                }
            }
            """;

    private PluginJar() {
    }

    /** Compiles the plugin in {@code directory} and returns its jar. */
    static Path build(Path directory) throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(directory.resolve("src/org/example"));
        Path source = Files.writeString(sources.resolve("LeafCountFormat.java"), SOURCE);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        int status = javac.run(null, null, null, "--release", "17", "-classpath", spiOnly().toString(), "-d",
                classes.toString(), source.toString());
        assertThat(status).as("javac exit status").isZero();

        Path jar = directory.resolve("leafcount-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "META-INF/services/" + OutputFormat.class.getName(),
                    (CLASS_NAME + "\n").getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return jar;
    }

    /** The SPI on the test class path: the jar (or class directory) that holds {@link OutputFormat}. */
    private static Path spiOnly() throws URISyntaxException {
        return Path.of(OutputFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }

    /** {@code java -cp pyspy4j.jar:plugin.jar dev.pyspy4j.cli.Main args...}, run in {@code directory}. */
    static Pyspy4jJar.Result runWith(Path plugin, Path directory, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java(), "-cp",
                Pyspy4jJar.path() + File.pathSeparator + plugin, "dev.pyspy4j.cli.Main"));
        command.addAll(List.of(args));
        return Pyspy4jJar.runCommand(command, directory);
    }
}
