// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CPython 3.11 builds the integration tests run: pyenv's shared-library build and Debian's static one. */
final class Interpreters {
    private Interpreters() {
    }

    /** pyenv's 3.11.7 ({@code $PYENV_ROOT}, else {@code ~/.pyenv}) and Debian's {@code /usr/bin/python3.11}. */
    static List<Path> python311() {
        String pyenvRoot = System.getenv("PYENV_ROOT");
        Path root = pyenvRoot != null ? Path.of(pyenvRoot) : Path.of(System.getProperty("user.home"), ".pyenv");
        return List.of(root.resolve("versions/3.11.7/bin/python3.11"), Path.of("/usr/bin/python3.11"));
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
