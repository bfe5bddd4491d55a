// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CPython builds the integration tests run: pyenv's shared-library builds of 2.7 and 3.6 to 3.13
 * ({@code $PYENV_ROOT}, else {@code ~/.pyenv}), Debian's 3.11 (interpreter linked into the executable), and
 * Debian sid's 3.14 and 3.15 that {@code ../shared/tools/newer-pythons} installs under {@code /opt/sidpy}.
 */
final class Interpreters {
    private static final List<String> PYENV_VERSIONS = List.of("2.7.18", "3.6.15", "3.7.16", "3.8.18", "3.9.18",
            "3.10.13", "3.11.7", "3.12.1", "3.13.0");
    private static final List<Path> DEBIAN = List.of(Path.of("/usr/bin/python3.11"),
            Path.of("/opt/sidpy/usr/bin/python3.14"), Path.of("/opt/sidpy/usr/bin/python3.15"));

    private Interpreters() {
    }

    /** pyenv's 3.11.7 and Debian's {@code /usr/bin/python3.11}. */
    static List<Path> python311() {
        return List.of(pyenv("3.11.7"), Path.of("/usr/bin/python3.11"));
    }

    /** Every interpreter of the machine, oldest first; a missing one fails the tests that use it. */
    static List<Path> all() {
        List<Path> all = new ArrayList<>(PYENV_VERSIONS.stream().map(Interpreters::pyenv).toList());
        all.addAll(DEBIAN);
        return all;
    }

    /** Every interpreter that has {@code async def} and asyncio (3.5+): all but 2.7. */
    static List<Path> withAsyncio() {
        return all().stream().filter(python -> !python.getFileName().toString().equals("python2.7")).toList();
    }

    /** pyenv's {@code bin/python<major.minor>} of a version. */
    static Path pyenv(String version) {
        String pyenvRoot = System.getenv("PYENV_ROOT");
        Path root = pyenvRoot != null ? Path.of(pyenvRoot) : Path.of(System.getProperty("user.home"), ".pyenv");
        String minor = version.substring(0, version.lastIndexOf('.'));
        return root.resolve("versions").resolve(version).resolve("bin").resolve("python" + minor);
    }

    /** The interpreter's own account of its version ({@code platform.python_version()}). */
    static String versionOf(Path python) throws IOException, InterruptedException {
        assertThat(python).as("interpreter needed by this test").isExecutable();
        Process process = new ProcessBuilder(python.toString(), "-c", "import platform; print(platform.python_version())")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text;
    }

    /** The program file a process started from {@code python} runs, as {@code /proc/PID/exe} names it. */
    static String executableOf(Path python) throws IOException {
        return python.toRealPath().toString();
    }

    /** Scripts are run from the test class path, so that their paths are plain absolute paths. */
    static Path script(String name) {
        Path scripts = Path.of(System.getProperty("pyspy4j.scripts", "target/test-classes/scripts")).toAbsolutePath();
        Path script = scripts.resolve(name);
        assertThat(Files.isRegularFile(script)).as("script " + script).isTrue();
        return script;
    }
}
