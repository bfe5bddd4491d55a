// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example output plugin, built with Maven from {@code examples/output-plugin} and installed the ways users
 * install plugins: in a directory named by {@code PYSPY4J_PLUGIN_PATH} or in {@code $XDG_CONFIG_HOME/pyspy4j/plugins};
 * then used through the {@code pyspy4j} launcher.
 */
@EnabledOnOs(OS.LINUX)
class ExamplePluginIT {
    private static final Path SCRIPT = Interpreters.script("busy_then_exit.py");

    @TempDir
    static Path build;

    private static Path pluginJar;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheExample() throws IOException, InterruptedException {
        pluginJar = ExamplePlugin.build(build);
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @Test
    void recordWritesTheHottestFunctionsOfALivePython() throws Exception {
        Path plugins = install(work.resolve("my-plugins"));
        Process target = targets.startPython(Interpreters.pyenv("3.11"), SCRIPT, "600");

        Pyspy4jJar.Result result = ExamplePlugin.launch(work, work, Map.of("PYSPY4J_PLUGIN_PATH", plugins.toString()),
                "record", "-p", Long.toString(target.pid()), "-f", ExamplePlugin.FORMAT_ID, "-o", "hot.txt",
                "-d", "1", "-r", "50");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe())
                .contains("pyspy4j> Wrote the hottest functions to 'hot.txt'. Samples: ")
                .doesNotContain("skipped");
        List<String> lines = Files.readAllLines(work.resolve("hot.txt"));
        assertThat(lines.get(0)).startsWith("# pyspy4j record -p " + target.pid() + " -f topfunctions");
        assertThat(lines.get(1)).matches("# \\d+ samples at 50 samples/s, by pyspy4j .*");
        assertThat(lines.get(2)).isEqualTo("   own%  total%  function");
        // The target spends all its time in work(), called from the module.
        assertThat(lines.subList(3, lines.size())).containsExactly(
                " 100.00  100.00  work (busy_then_exit.py)",
                "   0.00  100.00  <module> (busy_then_exit.py)");
    }

    @Test
    void aPluginInTheConfigDirectoryShowsInHelpAndInTheProviderList() throws Exception {
        Path installed = install(work.resolve("config/pyspy4j/plugins")).resolve(pluginJar.getFileName());
        Map<String, String> environment = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString());

        Pyspy4jJar.Result help = ExamplePlugin.launch(work, work, environment, "record", "--help");
        Pyspy4jJar.Result list = ExamplePlugin.launch(work, work, environment, "--list-providers");

        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.out()).containsPattern("\n  topfunctions +the 20 hottest functions as a text table\n");
        assertThat(help.err()).isEmpty();
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.out().lines()).contains(
                "OutputFormat: topfunctions (the 20 hottest functions as a text table) [plugin "
                        + installed.toRealPath() + "]",
                "OutputFormat: flamegraph (interactive SVG flame graph) [built in]");
    }

    @Test
    void aPluginBuiltForAnotherSpiVersionIsOneWarningAndItsFormatIsUnknown() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path future = ExamplePlugin.withDeclaredSpiVersion(pluginJar, "3", plugins.resolve("future.jar"));
        Map<String, String> environment = Map.of("PYSPY4J_PLUGIN_PATH", plugins.toString());

        Pyspy4jJar.Result list = ExamplePlugin.launch(work, work, environment, "--list-providers");
        Pyspy4jJar.Result record = ExamplePlugin.launch(work, work, environment, "record", "-f",
                ExamplePlugin.FORMAT_ID, "-p", "1");

        String warning = "pyspy4j: plugin " + future.toRealPath()
                + " skipped: built for SPI version 3, this pyspy4j has SPI version 2\n";
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.err()).isEqualTo(warning);
        assertThat(list.out()).doesNotContain("topfunctions");
        assertThat(record.exitCode()).as(record.describe()).isEqualTo(2);
        assertThat(record.err()).startsWith(warning)
                .contains("invalid value 'topfunctions' for '--format'");
    }

    @Test
    void aCorruptJarBesideAGoodOneIsOneWarning() throws Exception {
        Path plugins = install(work.resolve("plugins"));
        Path corrupt = Files.writeString(plugins.resolve("a-corrupt.jar"), "not a jar");

        Pyspy4jJar.Result list = ExamplePlugin.launch(work, work, Map.of("PYSPY4J_PLUGIN_PATH", plugins.toString()),
                "--list-providers");

        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.err()).matches("pyspy4j: plugin " + java.util.regex.Pattern.quote(corrupt.toRealPath().toString())
                + " skipped: cannot be read as a jar \\(.*\\)\n");
        assertThat(list.out()).contains("OutputFormat: topfunctions");
    }

    /** Copies the example's jar into {@code directory}. */
    private static Path install(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.copy(pluginJar, directory.resolve(pluginJar.getFileName()));
        return directory;
    }
}
