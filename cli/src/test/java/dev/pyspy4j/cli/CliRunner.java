// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.session.SessionEnvironment;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.StopTriggers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command tree in-process against given providers and captures what it prints. */
final class CliRunner {
    private Providers providers;
    private Map<String, String> environment = Map.of();
    private boolean terminal;
    private Path ptraceScopeFile = Path.of("/nonexistent/ptrace_scope");
    private boolean stderrTerminal;
    private final FakeClock clock = new FakeClock();
    private StopTriggers stopTriggers = StopTriggers.none();

    CliRunner(Providers providers) {
        this.providers = providers;
    }

    /** Sets the providers late, for fakes that need this runner's clock. */
    CliRunner providersFrom(Providers value) {
        this.providers = value;
        return this;
    }

    CliRunner environment(Map<String, String> value) {
        this.environment = value;
        return this;
    }

    CliRunner onTerminal() {
        this.terminal = true;
        return this;
    }

    /** Standard error is a terminal, where {@code record} keeps a status line. */
    CliRunner stderrOnTerminal() {
        this.stderrTerminal = true;
        return this;
    }

    /** The clock sampling runs on: it never really sleeps, so a ten-second recording takes no time. */
    FakeClock clock() {
        return clock;
    }

    /** What stops a sampling run from outside, e.g. a test's stand-in for Control-C. */
    CliRunner stopTriggers(StopTriggers value) {
        this.stopTriggers = value;
        return this;
    }

    CliRunner ptraceScopeFile(Path file) {
        this.ptraceScopeFile = file;
        return this;
    }

    /** The whole command tree, for tests that inspect its model. */
    CommandLine commandLine() {
        return Main.commandLine(context());
    }

    /** Runs {@code args} on the command tree {@code pyspy4j} builds for them, as its {@code main} does. */
    Result run(String... args) {
        return run(Main.commandLine(context(), args), args);
    }

    /** Runs {@code args} on the whole command tree, whatever they need of it. */
    Result runOnWholeTree(String... args) {
        return run(commandLine(), args);
    }

    private CliContext context() {
        SessionEnvironment session = new SessionEnvironment(clock, Intervals::fixed, stopTriggers,
                () -> ZonedDateTime.of(2026, 11, 26, 18, 4, 5, 0, ZoneOffset.ofHours(1)), stderrTerminal);
        return new CliContext(() -> providers, environment, terminal, ptraceScopeFile, session);
    }

    private static Result run(CommandLine commandLine, String... args) {
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
