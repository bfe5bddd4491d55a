// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers each OS's distribution holds, read from the archive the build wrote: its own OS's process access and
 * thread activity, and every OS-neutral provider. Each OS's distribution gets a test here when its profile exists.
 */
class DistributionProvidersTest {
    @TempDir
    Path unpacked;

    @Test
    @EnabledOnOs(OS.LINUX)
    void theLinuxDistributionHoldsTheLinuxProvidersAndTheOsNeutralOnes() throws IOException, InterruptedException {
        DistributionArchive archive = DistributionArchive.unpackBuilt(unpacked);
        assertThat(archive.name()).isEqualTo("pyspy4j-linux-x86_64");

        Map<String, Set<String>> providers = archive.providers();

        assertThat(providers.get("dev.pyspy4j.spi.process.ProcessAccessProvider"))
                .containsExactly("dev.pyspy4j.os.linux.LinuxProcessAccessProvider");
        assertThat(providers.get("dev.pyspy4j.spi.process.ThreadActivityProvider"))
                .containsExactly("dev.pyspy4j.os.linux.LinuxThreadActivityProvider");
        Map<String, Set<String>> osNeutral = new HashMap<>(ExpectedProviders.PORTABLE);
        osNeutral.putAll(ExpectedProviders.LINUX_NATIVE_STACKS);
        osNeutral.forEach((spi, expected) -> assertThat(providers.get(spi)).as(spi).isEqualTo(expected));
        assertThat(providers).hasSize(2 + osNeutral.size());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theLauncherRunsTheBundledRuntimeWithEveryJarOfTheArchive() throws IOException, InterruptedException {
        DistributionArchive archive = DistributionArchive.unpackBuilt(unpacked);

        List<String> jars = archive.jarNames();
        String launcher = archive.launcher();

        assertThat(launcher).contains("\"$home/runtime/bin/java\"").doesNotContain("@JARS@");
        for (String jar : jars) {
            assertThat(launcher).contains(" " + jar);
        }
        assertThat(jars).anyMatch(jar -> jar.startsWith("pyspy4j-cli-"));
        assertThat(archive.hasEntry("runtime/bin/java")).isTrue();
    }
}
