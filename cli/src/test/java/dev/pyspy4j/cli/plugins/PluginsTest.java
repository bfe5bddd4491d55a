// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.output.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars are loaded when they fit this pyspy4j and left out, with one line saying why, when they do not. */
class PluginsTest {
    private static final ClassLoader APP = PluginsTest.class.getClassLoader();

    @TempDir
    Path work;

    @Test
    void aFittingPluginsFormatIsFoundAndNamesItsJar() throws Exception {
        Path jar = formatJar("good.jar", "Good", "good", "", Map.of("Pyspy4j-Spi-Version", "2"));

        Plugins plugins = load(jar);
        List<OutputFormat> formats = fromPlugins(plugins);

        assertThat(plugins.warnings()).isEmpty();
        assertThat(formats).extracting(OutputFormat::id).containsExactly("good");
        assertThat(plugins.origin(formats.get(0))).isEqualTo("plugin " + jar.toRealPath());
        assertThat(plugins.origin(new Object())).isEqualTo("built in");
    }

    @Test
    void aJarDeclaringAnotherSpiVersionIsSkippedWithBothVersions() throws Exception {
        Path jar = formatJar("future.jar", "Future", "future", "", Map.of("Pyspy4j-Spi-Version", "7"));

        Plugins plugins = load(jar);

        assertThat(plugins.warnings()).containsExactly("pyspy4j: plugin " + jar.toRealPath()
                + " skipped: built for SPI version 7, this pyspy4j has SPI version 2");
        assertThat(plugins.jars()).isEmpty();
        assertThat(ProviderRegistry.load(OutputFormat.class, plugins.classLoader()).byId("future")).isEmpty();
    }

    @Test
    void aProviderReportingAnotherSpiVersionIsSkipped() throws Exception {
        Path jar = formatJar("old.jar", "Old", "old", "public int spiVersion() { return 0; }", Map.of());

        assertThat(load(jar).warnings()).containsExactly("pyspy4j: plugin " + jar.toRealPath()
                + " skipped: org.example.Old was built for SPI version 0, this pyspy4j has SPI version 2");
    }

    @Test
    void aProviderCompiledAgainstAnOlderInterfaceIsSkippedBeforeItsMissingMethodIsCalled() throws Exception {
        // The plugin is compiled against an OutputFormat that had no fileExtension() yet.
        String olderInterface = """
                package dev.pyspy4j.spi.output;
                public interface OutputFormat extends dev.pyspy4j.spi.Provider {
                    String description();
                    Recorder newRecorder(OutputSettings settings);
                }
                """;
        String plugin = """
                package org.example;
                public final class Older implements dev.pyspy4j.spi.output.OutputFormat {
                    public String id() { return "older"; }
                    public String description() { return "built against an older SPI"; }
                    public dev.pyspy4j.spi.output.Recorder newRecorder(dev.pyspy4j.spi.output.OutputSettings s) {
                        throw new UnsupportedOperationException();
                    }
                }
                """;
        Path jar = TestPluginJars.build(work, "older.jar", Map.of("dev/pyspy4j/spi/output/OutputFormat.java",
                        olderInterface, "org/example/Older.java", plugin),
                Map.of(TestPluginJars.OUTPUT_FORMAT_SERVICE, "org.example.Older\n"), Map.of());

        Plugins plugins = load(jar);

        assertThat(plugins.warnings()).containsExactly("pyspy4j: plugin " + jar.toRealPath() + " skipped:"
                + " org.example.Older does not implement OutputFormat.fileExtension; it was built for another SPI"
                + " version (this pyspy4j has SPI version 2)");
        assertThat(fromPlugins(plugins)).isEmpty();
    }

    @Test
    void aServiceFileNamingAMissingClassSkipsTheJar() throws Exception {
        Path jar = TestPluginJars.build(work, "missing.jar", Map.of(),
                Map.of(TestPluginJars.OUTPUT_FORMAT_SERVICE, "# a comment\norg.example.Gone\n"), Map.of());

        assertThat(load(jar).warnings()).containsExactly("pyspy4j: plugin " + jar.toRealPath()
                + " skipped: org.example.Gone cannot be loaded: ClassNotFoundException: org.example.Gone");
    }

    @Test
    void aCorruptJarIsOneWarningAndTheOthersStillLoad() throws Exception {
        Path corrupt = Files.writeString(work.resolve("corrupt.jar"), "not a zip file");
        Path good = formatJar("good.jar", "Good", "good", "", Map.of());

        Plugins plugins = load(corrupt, good);

        assertThat(plugins.warnings()).singleElement().asString()
                .startsWith("pyspy4j: plugin " + corrupt.toRealPath() + " skipped: cannot be read as a jar (");
        assertThat(plugins.jars()).containsExactly(good.toRealPath());
        assertThat(ProviderRegistry.load(OutputFormat.class, plugins.classLoader()).byId("good")).isPresent();
    }

    @Test
    void withoutPluginJarsTheProvidersComeFromTheParentAlone() {
        Plugins plugins = Plugins.load(PluginSearchPath.of(Map.of(), Optional.empty(), Optional.empty()), APP);

        assertThat(plugins.classLoader()).isSameAs(APP);
        assertThat(plugins.warnings()).isEmpty();
    }

    /** The output formats found through the plugins' loader that are not pyspy4j's own (those on the test class path). */
    private static List<OutputFormat> fromPlugins(Plugins plugins) {
        return ProviderRegistry.load(OutputFormat.class, plugins.classLoader()).all().stream()
                .filter(format -> format.getClass().getClassLoader() != APP)
                .toList();
    }

    private Path formatJar(String name, String className, String id, String members, Map<String, String> manifest)
            throws Exception {
        return TestPluginJars.build(work, name,
                Map.of("org/example/" + className + ".java", TestPluginJars.outputFormatSource(className, id, members)),
                Map.of(TestPluginJars.OUTPUT_FORMAT_SERVICE, "org.example." + className + "\n"), manifest);
    }

    private static Plugins load(Path... jars) {
        String path = String.join(":", java.util.Arrays.stream(jars).map(Path::toString).toList());
        return Plugins.load(PluginSearchPath.of(Map.of(PluginSearchPath.PATH_VARIABLE, path), Optional.empty(),
                Optional.empty()), APP);
    }
}
