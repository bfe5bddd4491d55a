// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.session.Providers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command tree in-process against given providers and captures what it prints. */
final class CliRunner {
    private final Providers providers;
    private Map<String, String> environment = Map.of();
    private boolean terminal;
    private Path ptraceScopeFile = Path.of("/nonexistent/ptrace_scope");

    CliRunner(Providers providers) {
        this.providers = providers;
    }

    CliRunner environment(Map<String, String> value) {
        this.environment = value;
        return this;
    }

    CliRunner onTerminal() {
        this.terminal = true;
        return this;
    }

    CliRunner ptraceScopeFile(Path file) {
        this.ptraceScopeFile = file;
        return this;
    }

    Result run(String... args) {
        CliContext context = new CliContext(() -> providers, environment, terminal, ptraceScopeFile);
        CommandLine commandLine = Main.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }
}
