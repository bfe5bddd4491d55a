// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeProviders;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden {@code --list-providers} and the provider problems that {@code --verbose} reveals. */
class ProvidersOptionTest {
    @TempDir
    Path classes;

    @Test
    void listsEveryProviderIdByType() {
        CliRunner.Result result = new CliRunner(new FakeProviders().providers()).run("--list-providers");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                ProcessAccessProvider: fake-access [built in]
                ThreadActivityProvider: fake-activity [built in]
                PythonInterpreterProvider: fake-python (3.11) [built in]
                """);
    }

    @Test
    void verboseTellsWhichProvidersFailedToLoad() throws IOException {
        CliRunner.Result result = new CliRunner(brokenProviders()).run("--verbose", "--list-providers");

        assertThat(result.err()).startsWith("pyspy4j: provider skipped: ProcessAccessProvider provider failed to load: ")
                .contains("no.such.Provider");
    }

    @Test
    void providerProblemsStayQuietWithoutVerbose() throws IOException {
        CliRunner.Result result = new CliRunner(brokenProviders()).run("dump", "-p", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "pyspy4j dump: no ProcessAccessProvider supports " + dev.pyspy4j.spi.Platform.current()
                        + " (none found on the class path)\n");
    }

    @Test
    void verboseDumpReportsProviderProblemsBeforeTheFailure() throws IOException {
        CliRunner.Result result = new CliRunner(brokenProviders()).run("dump", "--verbose", "-p", "1");

        assertThat(result.err()).startsWith("pyspy4j: provider skipped: ProcessAccessProvider provider failed to load: ");
    }

    /** A class path whose service file names a class that does not exist. */
    private Providers brokenProviders() throws IOException {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.pyspy4j.spi.process.ProcessAccessProvider"), "no.such.Provider\n");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        return Providers.load(loader);
    }
}
