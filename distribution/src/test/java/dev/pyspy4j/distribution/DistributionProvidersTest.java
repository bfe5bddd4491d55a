// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
    private static final Map<String, Set<String>> OS_NEUTRAL = Map.of(
            "dev.pyspy4j.spi.python.PythonInterpreterProvider", Set.of("dev.pyspy4j.python.CPythonInterpreterProvider"),
            "dev.pyspy4j.spi.output.OutputFormat", Set.of("dev.pyspy4j.output.flamegraph.FlameGraphFormat",
                    "dev.pyspy4j.output.speedscope.SpeedscopeFormat", "dev.pyspy4j.output.collapsed.CollapsedFormat",
                    "dev.pyspy4j.output.chrometrace.ChromeTraceFormat", "dev.pyspy4j.output.pprof.PprofFormat",
                    "dev.pyspy4j.output.gecko.GeckoFormat", "dev.pyspy4j.output.html.HtmlFormat"),
            "dev.pyspy4j.spi.output.ProfileInput", Set.of("dev.pyspy4j.output.collapsed.CollapsedInput",
                    "dev.pyspy4j.output.pprof.PprofInput"),
            "dev.pyspy4j.spi.nativestack.NativeUnwinderProvider", Set.of(
                    "dev.pyspy4j.unwinders.dwarf.DwarfUnwinderProvider",
                    "dev.pyspy4j.unwinders.framepointer.FramePointerUnwinderProvider",
                    "dev.pyspy4j.unwinders.libunwind.LibunwindUnwinderProvider"),
            "dev.pyspy4j.spi.nativestack.SymbolResolverProvider",
            Set.of("dev.pyspy4j.unwinders.symbols.ElfSymbolResolverProvider"));

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
        OS_NEUTRAL.forEach((spi, expected) -> assertThat(providers.get(spi)).as(spi).isEqualTo(expected));
        assertThat(providers).hasSize(2 + OS_NEUTRAL.size());
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
