// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The distributions for an installed Java, read from the archives the build wrote under dist/ (system property
 * {@code pyspy4j.distribution.directory}): each holds its own OS's providers and no other OS's, the OS-neutral ones
 * but not the Linux-only native-stack ones, no Java runtime, and a launcher its system can run.
 */
class InstalledJavaDistributionsTest {
    private static final String PROCESS_ACCESS = "dev.pyspy4j.spi.process.ProcessAccessProvider";
    private static final String THREAD_ACTIVITY = "dev.pyspy4j.spi.process.ThreadActivityProvider";

    @TempDir
    Path unpacked;

    @ParameterizedTest
    @EnumSource(InstalledJavaArchive.class)
    void eachHoldsItsOwnOsProvidersAndTheOsNeutralOnesOnly(InstalledJavaArchive expected) throws Exception {
        DistributionArchive archive = unpack(expected);

        Map<String, Set<String>> providers = archive.providers();

        assertThat(providers.get(PROCESS_ACCESS)).containsExactly(expected.processAccess);
        assertThat(providers.get(THREAD_ACTIVITY)).containsExactly(expected.threadActivity);
        ExpectedProviders.PORTABLE.forEach((spi, names) -> assertThat(providers.get(spi)).as(spi).isEqualTo(names));
        assertThat(providers).hasSize(2 + ExpectedProviders.PORTABLE.size());
        assertThat(archive.jarNames()).filteredOn(jar -> jar.startsWith("pyspy4j-os-")).hasSize(1)
                .noneMatch(jar -> jar.startsWith("pyspy4j-os-linux"));
    }

    @ParameterizedTest
    @EnumSource(InstalledJavaArchive.class)
    void eachNeedsAnInstalledJavaAndSaysSo(InstalledJavaArchive expected) throws Exception {
        DistributionArchive archive = unpack(expected);

        assertThat(archive.hasEntry("runtime")).isFalse();
        assertThat(archive.hasEntry("lib/native")).isFalse();
        assertThat(archive.hasEntry("lib/pyspy4j.aot")).isFalse();
        assertThat(archive.hasEntry("lib/pyspy4j.jsa")).isFalse();
        assertThat(archive.jarNames()).noneMatch(jar -> jar.startsWith("pyspy4j-distribution-"))
                .noneMatch(jar -> jar.startsWith("pyspy4j-unwinders-"))
                .anyMatch(jar -> jar.startsWith("pyspy4j-cli-"));
        assertThat(Files.readString(archive.file("README.txt")))
                .contains("needs Java 17 or newer installed").contains("has not been run on the system it is for")
                .doesNotContain("${");
        assertThat(Files.readString(archive.file("lib/jvm.options"))).contains("-XX:+UseSerialGC");
    }

    @ParameterizedTest
    @EnumSource(InstalledJavaArchive.class)
    void theJarsCarryTheNativeLibrariesOfTheirSystem(InstalledJavaArchive expected) throws Exception {
        DistributionArchive archive = unpack(expected);

        assertThat(entriesOf(archive, "jna-")).contains(expected.jnaNativeLibrary);
        assertThat(entriesOf(archive, "jline-native-")).contains(expected.jlineNativeLibrary);
    }

    @ParameterizedTest
    @EnumSource(value = InstalledJavaArchive.class, names = "WINDOWS_X86_64", mode = EnumSource.Mode.EXCLUDE)
    void aUnixArchiveHasAnExecutableShellLauncher(InstalledJavaArchive expected) throws Exception {
        DistributionArchive archive = unpack(expected);
        Path launcher = archive.file("bin/pyspy4j");

        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh\n").doesNotContain("\r")
                .contains("java=$JAVA_HOME/bin/java").contains("-cp \"$home/lib/*\" dev.pyspy4j.cli.Main \"$@\"");
        assertThat(archive.hasEntry("bin/pyspy4j.cmd")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = InstalledJavaArchive.class, names = "WINDOWS_X86_64")
    void theWindowsArchiveHasACmdLauncherWithWindowsLineEnds(InstalledJavaArchive expected) throws Exception {
        DistributionArchive archive = unpack(expected);

        for (String text : List.of("bin/pyspy4j.cmd", "README.txt")) {
            String content = Files.readString(archive.file(text), StandardCharsets.UTF_8);
            assertThat(content).as(text).endsWith("\r\n");
            assertThat(content.replace("\r\n", "")).as(text).doesNotContain("\n").doesNotContain("\r");
        }
        assertThat(Files.readString(archive.file("bin/pyspy4j.cmd")))
                .startsWith("@echo off\r\n").contains("%JAVA_HOME%\\bin\\java.exe")
                .contains("-cp \"%PYSPY4J_HOME%\\lib\\*\" dev.pyspy4j.cli.Main %*");
        assertThat(archive.hasEntry("bin/pyspy4j")).isFalse();
    }

    private DistributionArchive unpack(InstalledJavaArchive expected) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("pyspy4j.distribution.directory"))
                .resolve(expected.name + expected.extension);
        assertThat(archive).isRegularFile();
        return DistributionArchive.unpack(archive, expected.name, unpacked);
    }

    /** The entry names of the one jar of lib/ whose name starts with {@code prefix}. */
    private static Set<String> entriesOf(DistributionArchive archive, String prefix) throws IOException {
        List<String> jars = archive.jarNames().stream().filter(jar -> jar.startsWith(prefix)).toList();
        assertThat(jars).hasSize(1);
        Set<String> entries = new HashSet<>();
        try (JarFile jar = new JarFile(archive.file("lib/" + jars.get(0)).toFile())) {
            jar.stream().forEach(entry -> entries.add(entry.getName()));
        }
        return entries;
    }
}
