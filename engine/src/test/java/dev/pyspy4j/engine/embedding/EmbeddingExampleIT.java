// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example of the README, exactly as printed there: compiled against the engine and the SPI alone,
 * run in a JVM of its own with the providers on its class path, against a live CPython that spends its time in one
 * function. If the README's example stops compiling or stops working, this test fails.
 */
class EmbeddingExampleIT {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- embedding-example -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path PYTHON = Path.of("/usr/bin/python3.11");
    private static final String SPINNER = String.join("\n",
            "import sys",
            "def spin():",
            "    while True: pass",
            "sys.stdout.write('ready\\n')",
            "sys.stdout.flush()",
            "spin()",
            "");

    @TempDir
    Path work;
    private Process target;

    @AfterEach
    void killTarget() throws InterruptedException {
        if (target != null) {
            target.destroyForcibly();
            target.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theReadmeExampleRecordsALivePython() throws Exception {
        Path source = work.resolve("HottestFunctions.java");
        Files.writeString(source, readmeExample(), StandardCharsets.UTF_8);
        String classPath = System.getProperty("java.class.path");
        Process javac = new ProcessBuilder(jdkTool("javac"), "-d", work.toString(), "-cp", classPath,
                source.toString()).redirectErrorStream(true).start();
        String compilerOutput = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).as("javac ends").isTrue();
        assertThat(javac.exitValue()).as("javac exit status of the README's example:%n%s", compilerOutput).isZero();

        target = startSpinner();
        Process example = new ProcessBuilder(jdkTool("java"),
                "-cp", work + java.io.File.pathSeparator + classPath, "HottestFunctions",
                Long.toString(target.pid())).redirectErrorStream(true).start();
        String output = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(example.waitFor(60, TimeUnit.SECONDS)).as("the example ends").isTrue();
        assertThat(example.exitValue()).as("exit status; output:%n%s", output).isZero();

        Matcher spin = Pattern.compile("(?m)^(\\d+) spin$").matcher(output);
        assertThat(spin.find()).as("a line for spin() in:%n%s", output).isTrue();
        // Two seconds at 100 Hz; a loaded machine may lose some, but spin() is the only function that runs.
        assertThat(Integer.parseInt(spin.group(1))).as("samples in spin()").isGreaterThan(50);
    }

    /** A tool of the JDK that runs the tests, as a user of that JDK would call it. */
    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("pyspy4j.readme", "../README.md")),
                StandardCharsets.UTF_8);
        Matcher example = EXAMPLE.matcher(readme);
        assertThat(example.find()).as("the README has an embedding example").isTrue();
        return example.group(1);
    }

    private Process startSpinner() throws IOException {
        Path script = work.resolve("spinner.py");
        Files.writeString(script, SPINNER, StandardCharsets.UTF_8);
        assertThat(PYTHON).as("interpreter needed by this test").isExecutable();
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), script.toString())).start();
        String ready = new String(process.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        assertThat(ready).as("the target says it is ready").isEqualTo("ready\n");
        return process;
    }
}
