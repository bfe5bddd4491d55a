// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The nativeprobe test extension (sources in {@code src/test/resources/native}), compiled with gcc and g++ for one
 * interpreter against that interpreter's headers, once per test run, into {@code target/native-ext/<version>/}. Its
 * directory holds {@code nativeprobe.so} (import it with the directory on {@code sys.path}) and
 * {@code libprobehidden.so}, a stripped library with MiniDebugInfo that the extension links to.
 */
final class NativeExtension {
    /** The extension module, as a mapped file's path. */
    static final String MODULE = "nativeprobe.so";
    /** The stripped library whose static functions only MiniDebugInfo names. */
    static final String HIDDEN_LIBRARY = "libprobehidden.so";

    private static final long BUILD_TIMEOUT_SECONDS = 180;
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private NativeExtension() {
    }

    /** The directory of the extension built for {@code python}, building it on the first call of the run. */
    static Path forInterpreter(Path python) throws IOException, InterruptedException {
        Interpreters.requireInstalled(python);
        String version = Interpreters.versionOf(python);
        // The full version (3.11.7, 3.11.2) tells every interpreter of the catalogue apart.
        String key = version;
        synchronized (NativeExtension.class) {
            Path built = BUILT.get(key);
            if (built == null) {
                built = build(python, version);
                BUILT.put(key, built);
            }
            return built;
        }
    }

    private static Path build(Path python, String version) throws IOException, InterruptedException {
        Path output = Path.of("target", "native-ext", version).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("sh", sources().resolve("build.sh").toString(),
                sources().toString(), output.toString()));
        includeDirectories(python, version).forEach(directory -> command.add("-I" + directory));
        Process build = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!build.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new AssertionError("building nativeprobe for " + python + " did not finish:\n" + log);
        }
        if (build.exitValue() != 0) {
            throw new AssertionError("building nativeprobe for " + python + " failed (" + String.join(" ", command)
                    + "):\n" + log);
        }
        return output.toRealPath();
    }

    /**
     * Where {@code Python.h} of the interpreter is: in a pyenv build's prefix ({@code include/python3.6m} before 3.8,
     * {@code include/python3.13t} for a free-threaded build),
     * in {@code /usr/include} for Debian's own, and for the interpreters of Debian sid where the project's
     * {@code tools/newer-python-headers} unpacks them (their {@code pyconfig.h} includes one more directory down).
     */
    private static List<Path> includeDirectories(Path python, String version) throws IOException, InterruptedException {
        String minor = version.split("\\.")[0] + "." + version.split("\\.")[1];
        Path prefix = python.toAbsolutePath().getParent().getParent();
        // 3.6m-3.7m's ABI flag, or a free-threaded build's (3.13t).
        for (Path candidate : List.of(prefix.resolve("include/python" + minor),
                prefix.resolve("include/python" + minor + "m"), prefix.resolve("include/python" + minor + "t"))) {
            if (Files.isRegularFile(candidate.resolve("Python.h"))) {
                return List.of(candidate);
            }
        }
        if (Files.isRegularFile(Path.of("/usr/include/python" + minor, "Python.h"))
                && Path.of("/usr/bin/python" + minor).equals(python.toAbsolutePath())) {
            return List.of(Path.of("/usr/include/python" + minor));
        }
        for (String line : newerPythonHeaders()) {
            Path candidate = Path.of(line.trim());
            if (candidate.getFileName().toString().equals("python" + minor)
                    && Files.isRegularFile(candidate.resolve("Python.h"))) {
                return List.of(candidate, candidate.getParent());
            }
        }
        throw new AssertionError("no Python.h for " + python + " (" + version + ")");
    }

    private static List<String> newerPythonHeaders() throws IOException, InterruptedException {
        Path tool = Path.of(System.getProperty("pyspy4j.tools", "../tools")).resolve("newer-python-headers");
        Process run = new ProcessBuilder("sh", tool.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new AssertionError(tool + " failed:\n" + out);
        }
        try (Stream<String> lines = out.lines()) {
            return lines.toList();
        }
    }

    /** The extension's sources, which the build copied beside the test scripts. */
    private static Path sources() {
        return Interpreters.script("native_probe.py").getParent().resolveSibling("native");
    }
}
