// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distributions for other systems, run here as far as Linux can: their launchers and jars start on the Java
 * running these tests (17 on the build machine), list their own OS's providers as not supported on Linux and no
 * other OS's, and refuse a target in one line. Each launcher is run with an environment of its own: no variable of
 * the build's, a PATH of only the tools it calls.
 */
@EnabledOnOs(OS.LINUX)
class InstalledJavaDistributionIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path temp;

    /** A Unix distribution for an installed Java and the ids of its OS's two providers. */
    record UnixArchive(String name, String processAccess, String threadActivity) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<UnixArchive> unixArchives() {
        return Stream.of(new UnixArchive("pyspy4j-macos-x86_64", "macos", "macos-mach"),
                new UnixArchive("pyspy4j-macos-aarch64", "macos", "macos-mach"),
                new UnixArchive("pyspy4j-freebsd-x86_64", "freebsd", "freebsd-kinfo"));
    }

    @ParameterizedTest
    @MethodSource("unixArchives")
    void theLauncherRunsJavaHomesJavaAndListsOnlyItsOwnOsProviders(UnixArchive archive) throws Exception {
        Path launcher = untar(archive.name()).resolve("bin/pyspy4j");

        Pyspy4jJar.Result list = run(launcher, Map.of("JAVA_HOME", javaHome().toString()), "--list-providers");

        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.err()).as(list.describe()).isEmpty();
        assertThat(list.out().lines().filter(line -> line.startsWith("ProcessAccessProvider: ")
                || line.startsWith("ThreadActivityProvider: "))).as(list.describe()).containsExactly(
                "ProcessAccessProvider: " + archive.processAccess() + " [not supported on linux-x86_64] [built in]",
                "ThreadActivityProvider: " + archive.threadActivity() + " [not supported on linux-x86_64] [built in]");
        assertThat(list.out().lines()).as(list.describe())
                .anySatisfy(line -> assertThat(line).startsWith("PythonInterpreterProvider: cpython ("))
                .anySatisfy(line -> assertThat(line).startsWith("OutputFormat: flamegraph ("))
                .noneSatisfy(line -> assertThat(line).startsWith("NativeUnwinderProvider: "));
    }

    @ParameterizedTest
    @MethodSource("unixArchives")
    void withoutJavaHomeTheLauncherRunsTheJavaOnPath(UnixArchive archive) throws Exception {
        Path launcher = untar(archive.name()).resolve("bin/pyspy4j");
        Files.createSymbolicLink(tools().resolve("java"), javaHome().resolve("bin/java"));

        Pyspy4jJar.Result version = run(launcher, Map.of(), "--version");

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.out()).isEqualTo("pyspy4j " + System.getProperty("pyspy4j.version") + "\n");
    }

    @Test
    void aTargetOnThisSystemIsRefusedInOneLineByTheMacOsDistribution() throws Exception {
        Path launcher = untar("pyspy4j-macos-x86_64").resolve("bin/pyspy4j");
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("nested.py"));

        Pyspy4jJar.Result dump = run(launcher, Map.of("JAVA_HOME", javaHome().toString()),
                "dump", "--pid", Long.toString(target.pid()));

        assertThat(dump.exitCode()).as(dump.describe()).isEqualTo(1);
        assertThat(dump.out()).as(dump.describe()).isEmpty();
        assertThat(dump.err()).as(dump.describe())
                .isEqualTo("pyspy4j dump: no ProcessAccessProvider supports linux-x86_64; found: macos\n");
    }

    @Test
    void withoutAnyJavaTheLauncherSaysWhatItNeedsInOneLine() throws Exception {
        Path launcher = untar("pyspy4j-macos-aarch64").resolve("bin/pyspy4j");

        Pyspy4jJar.Result run = run(launcher, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("pyspy4j: no java found (JAVA_HOME is not set and PATH has no java); pyspy4j"
                + " needs Java 17 or newer: set JAVA_HOME to its directory or put its java on PATH\n");
    }

    @Test
    void aJavaOlderThan17IsRefusedWithoutRunningIt() throws Exception {
        Path launcher = untar("pyspy4j-macos-x86_64").resolve("bin/pyspy4j");
        Path oldJdk = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Path ran = temp.resolve("old-java-ran");
        Path java = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\ntouch " + ran + "\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(temp.resolve("jdk-11/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\n"
                + "JAVA_VERSION=\"11.0.2\"\n");

        Pyspy4jJar.Result run = run(launcher, Map.of("JAVA_HOME", temp.resolve("jdk-11").toString()), "--version");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(run.err()).isEqualTo("pyspy4j: " + java + " is Java 11.0.2; pyspy4j needs Java 17 or newer: set"
                + " JAVA_HOME to its directory or put its java on PATH\n");
        assertThat(ran).doesNotExist();
    }

    @Test
    void theWindowsJarsStartWithTheOptionsAndClassPathOfTheirLauncher() throws Exception {
        Path home = unzip("pyspy4j-windows-x86_64");
        String cmd = Files.readString(home.resolve("bin/pyspy4j.cmd"));
        String options = "--enable-native-access=ALL-UNNAMED";
        assertThat(cmd).contains("\"@%PYSPY4J_HOME%\\lib\\jvm.options\" " + options + " ")
                .contains(" -cp \"%PYSPY4J_HOME%\\lib\\*\" dev.pyspy4j.cli.Main %*");

        // What the .cmd runs, with Linux's path separators.
        Pyspy4jJar.Result list = Pyspy4jJar.runCommand(List.of(javaHome().resolve("bin/java").toString(),
                "@" + home.resolve("lib/jvm.options"), options, "-Dpyspy4j.home=" + home,
                "-cp", home.resolve("lib") + "/*", "dev.pyspy4j.cli.Main", "--list-providers"), temp);

        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.out().lines().filter(line -> line.startsWith("ProcessAccessProvider: ")
                || line.startsWith("ThreadActivityProvider: "))).as(list.describe()).containsExactly(
                "ProcessAccessProvider: windows [not supported on linux-x86_64] [built in]",
                "ThreadActivityProvider: windows-nt [not supported on linux-x86_64] [built in]");
    }

    /** The Java running these tests: its home holds bin/java and the release file the launcher reads. */
    private static Path javaHome() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(17);
        return Path.of(System.getProperty("java.home"));
    }

    private static Path archive(String fileName) {
        Path archive = Path.of(System.getProperty("pyspy4j.distribution.directory")).resolve(fileName)
                .toAbsolutePath();
        assertThat(archive).as("the distribution (run 'mvn verify', which builds it first)").isRegularFile();
        return archive;
    }

    private Path untar(String name) throws IOException, InterruptedException {
        Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
        Pyspy4jJar.Result tar = Pyspy4jJar.runCommand(
                List.of("tar", "-xzf", archive(name + ".tar.gz").toString(), "-C", unpacked.toString()));
        assertThat(tar.exitCode()).as(tar.describe()).isZero();
        return unpacked.resolve(name);
    }

    private Path unzip(String name) throws IOException, InterruptedException {
        Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
        Pyspy4jJar.Result jar = Pyspy4jJar.runCommand(List.of(javaHome().resolve("bin/jar").toString(), "--extract",
                "--file", archive(name + ".zip").toString()), unpacked);
        assertThat(jar.exitCode()).as(jar.describe()).isZero();
        return unpacked.resolve(name);
    }

    private Pyspy4jJar.Result run(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return LauncherRun.run(launcher, temp, tools(), environment, args);
    }

    /** The tools the launcher calls besides java (no java unless a test adds it). */
    private Path tools() throws IOException {
        return LauncherRun.tools(temp, List.of("readlink", "tr"));
    }
}
