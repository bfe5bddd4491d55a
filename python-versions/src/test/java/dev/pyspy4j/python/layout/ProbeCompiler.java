// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compiles a probe program against one header set, drops the probes the headers cannot satisfy (a missing
 * struct, field or constant is a gcc error on that probe's line) until it compiles, then runs it and collects
 * {@code key=value} lines. An error anywhere else, inside a header or the preamble, is a generator failure.
 */
final class ProbeCompiler {
    /** Each round removes every failing probe at once; more rounds than this means gcc is not converging. */
    private static final int MAX_ROUNDS = 8;
    private static final String SOURCE = "probes.c";
    private static final String BINARY = "probes";

    private final HeaderSet headers;
    private final Path workDir;

    ProbeCompiler(HeaderSet headers, Path workDir) {
        this.headers = headers;
        this.workDir = workDir;
    }

    /** The value of every probe that compiles, by key. */
    Map<String, String> measure(List<Probe> probes) {
        ProbeProgram program = compilable(ProbeProgram.of(headers, probes));
        write(program);
        ToolRun.Result build = ToolRun.run(Gcc.command(headers, Path.of(SOURCE), Path.of(BINARY), false), workDir);
        if (build.exitCode() != 0) {
            throw new IllegalStateException("gcc failed to link the probes of CPython " + headers.pythonVersion()
                    + ":\n" + build.stderr());
        }
        ToolRun.Result run = ToolRun.run(List.of(workDir.resolve(BINARY).toString()), workDir);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("the probe program of CPython " + headers.pythonVersion()
                    + " exited with " + run.exitCode() + ":\n" + run.stderr());
        }
        return parse(run.stdout());
    }

    private ProbeProgram compilable(ProbeProgram initial) {
        ProbeProgram program = initial;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            write(program);
            ToolRun.Result check = ToolRun.run(Gcc.command(headers, Path.of(SOURCE), Path.of(BINARY), true), workDir);
            if (check.exitCode() == 0) {
                return program;
            }
            program = program.without(failingProbes(program, check));
        }
        throw new IllegalStateException("the probes of CPython " + headers.pythonVersion()
                + " still fail to compile after " + MAX_ROUNDS + " rounds");
    }

    private Set<Probe> failingProbes(ProbeProgram program, ToolRun.Result check) {
        Set<Probe> failing = new HashSet<>();
        List<Gcc.Error> errors = Gcc.errors(check.stderr());
        for (Gcc.Error error : errors) {
            Optional<Probe> probe = error.file().equals(SOURCE) ? program.probeAtLine(error.line()) : Optional.empty();
            if (probe.isEmpty()) {
                throw new IllegalStateException("gcc failed outside the probes with the headers of CPython "
                        + headers.pythonVersion() + " (" + headers.includeDir() + "):\n" + check.stderr());
            }
            failing.add(probe.get());
        }
        if (failing.isEmpty()) {
            throw new IllegalStateException("gcc failed without an error line for CPython "
                    + headers.pythonVersion() + ":\n" + check.stderr());
        }
        return failing;
    }

    private void write(ProbeProgram program) {
        try {
            Files.writeString(workDir.resolve(SOURCE), program.source());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe program", e);
        }
    }

    private static Map<String, String> parse(String output) {
        return output.lines().filter(line -> !line.isBlank()).collect(Collectors.toMap(
                line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1),
                (first, second) -> first, TreeMap::new));
    }
}
