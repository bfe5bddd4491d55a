// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The places plugin jars are looked for, their order, and what a missing place does. */
class PluginSearchPathTest {
    @TempDir
    Path work;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void looksBesideTheLauncherAndTheJarThenInTheConfigDirectoryThenThePathVariable() throws IOException {
        Path launcherJar = jarIn("launcher/plugins", "l.jar");
        Path besideJar = jarIn("dist/plugins", "d.jar");
        Path configJar = jarIn("config/pyspy4j/plugins", "c.jar");
        Path explicitDirectoryJar = jarIn("extra", "e.jar");
        Path explicitJar = jarIn("elsewhere", "x.jar");
        Map<String, String> environment = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                PluginSearchPath.PATH_VARIABLE, explicitJar + "::" + work.resolve("extra"));

        List<Path> jars = PluginSearchPath.of(environment, Optional.of(work.resolve("launcher")),
                Optional.of(work.resolve("dist"))).jars(warnings::add);

        assertThat(jars).containsExactly(real(launcherJar), real(besideJar), real(configJar), real(explicitJar),
                real(explicitDirectoryJar));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDirectoryGivesItsJarsSortedByNameAndNothingElse() throws IOException {
        Path b = jarIn("plugins", "b.jar");
        Path a = jarIn("plugins", "a.jar");
        Files.writeString(work.resolve("plugins/readme.txt"), "not a plugin");

        List<Path> jars = PluginSearchPath.of(Map.of(PluginSearchPath.PATH_VARIABLE, work.resolve("plugins").toString()),
                Optional.empty(), Optional.empty()).jars(warnings::add);

        assertThat(jars).containsExactly(real(a), real(b));
    }

    @Test
    void aJarReachedTwiceLoadsOnce() throws IOException {
        Path jar = jarIn("plugins", "a.jar");

        List<Path> jars = PluginSearchPath.of(Map.of(PluginSearchPath.PATH_VARIABLE,
                        jar + ":" + work.resolve("plugins")), Optional.of(work), Optional.empty())
                .jars(warnings::add);

        assertThat(jars).containsExactly(real(jar));
    }

    @Test
    void missingDefaultDirectoriesAreFineButAMissingExplicitEntryIsReported() {
        Path typo = work.resolve("no-such.jar");

        List<Path> jars = PluginSearchPath.of(Map.of("HOME", work.toString(), PluginSearchPath.PATH_VARIABLE,
                typo.toString()), Optional.of(work.resolve("nowhere")), Optional.empty()).jars(warnings::add);

        assertThat(jars).isEmpty();
        assertThat(warnings).containsExactly(
                "pyspy4j: PYSPY4J_PLUGIN_PATH names '" + typo + "', which does not exist; ignored");
    }

    @Test
    void theConfigDirectoryFollowsXdgAndDefaultsToDotConfig() {
        assertThat(PluginSearchPath.configDirectory(Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/cfg")))
                .contains(Path.of("/cfg"));
        assertThat(PluginSearchPath.configDirectory(Map.of("HOME", "/home/u"))).contains(Path.of("/home/u/.config"));
        // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
        assertThat(PluginSearchPath.configDirectory(Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "cfg")))
                .contains(Path.of("/home/u/.config"));
        assertThat(PluginSearchPath.configDirectory(Map.of())).isEmpty();
    }

    private Path jarIn(String directory, String name) throws IOException {
        return Files.writeString(Files.createDirectories(work.resolve(directory)).resolve(name), "jar");
    }

    private static Path real(Path file) throws IOException {
        return file.toRealPath();
    }
}
