// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shaded jar starts on its own and carries every provider (its merged META-INF/services). */
class DistributionIT {
    @Test
    void versionNamesTheBuild() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("--version");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).isEqualTo("pyspy4j " + System.getProperty("pyspy4j.version") + "\n");
    }

    @Test
    void everyProviderModuleIsInside() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("--list-providers");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).contains("ProcessAccessProvider: linux [built in]",
                        "ThreadActivityProvider: linux-proc [built in]")
                .anySatisfy(line -> assertThat(line).startsWith("PythonInterpreterProvider: cpython (")
                        .endsWith(") [built in]"))
                .anySatisfy(line -> assertThat(line).startsWith("OutputFormat: flamegraph (").endsWith(" [built in]"));
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: pyspy4j dump ").contains("Exit Codes:");
    }
}
