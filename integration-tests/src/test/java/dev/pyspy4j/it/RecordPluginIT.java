// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A third-party output format, in a jar of its own on the class path, works with {@code -f} and shows in help. */
@EnabledOnOs(OS.LINUX)
class RecordPluginIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    private Path plugin;

    @BeforeEach
    void buildPlugin() throws Exception {
        plugin = PluginJar.build(work.resolve("plugin"));
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void recordWritesThePluginsFormat() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("busy_then_exit.py"),
                "600");

        Pyspy4jJar.Result result = PluginJar.runWith(plugin, work, "record", "-p", Long.toString(target.pid()),
                "-f", "LeafCount", "-o", "profile.leaves", "-d", "1", "-r", "50");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Wrote leaf counts to 'profile.leaves'."
                + " Samples: ", "pyspy4j> Read it with any pager\n");
        List<String> lines = Files.readAllLines(work.resolve("profile.leaves"));
        assertThat(lines.get(0)).isEqualTo("leafcount rate=50");
        assertThat(lines.subList(1, lines.size())).singleElement().asString().matches("work \\d+");
    }

    @Test
    void withoutOutputTheFileGetsThePluginsExtension() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("busy_then_exit.py"),
                "600");

        Pyspy4jJar.Result result = PluginJar.runWith(plugin, work, "record", "-p", Long.toString(target.pid()),
                "-f", PluginJar.FORMAT_ID, "-d", "1");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).matches(target.pid()
                            + "-\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)\\.leaves"));
        }
    }

    @Test
    void helpListsThePluginsFormat() throws Exception {
        Pyspy4jJar.Result result = PluginJar.runWith(plugin, work, "record", "--help");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).contains("Formats:\n").containsPattern(
                "\n  leafcount +samples per innermost function \\(a test plugin\\)\n");
    }
}
