// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.dump.Palette;
import dev.pyspy4j.cli.session.SessionEnvironment;
import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.spi.Platform;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands of one run share: the providers (loaded on first use, so {@code --help} and
 * {@code --version} never touch them), the environment that decides colours, and the verbosity.
 */
public final class CliContext {
    private static final Path YAMA_PTRACE_SCOPE = Path.of("/proc/sys/kernel/yama/ptrace_scope");

    private final Supplier<Providers> providerLoader;
    private final Map<String, String> environment;
    private final boolean stdoutIsTerminal;
    private final Path ptraceScopeFile;
    private final SessionEnvironment sessionEnvironment;
    private Providers providers;
    private boolean verbose;

    public CliContext(Supplier<Providers> providerLoader, Map<String, String> environment, boolean stdoutIsTerminal,
                      Path ptraceScopeFile, SessionEnvironment sessionEnvironment) {
        this.providerLoader = Objects.requireNonNull(providerLoader, "providerLoader is null");
        this.environment = Map.copyOf(environment);
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.ptraceScopeFile = Objects.requireNonNull(ptraceScopeFile, "ptraceScopeFile is null");
        this.sessionEnvironment = Objects.requireNonNull(sessionEnvironment, "sessionEnvironment is null");
    }

    /** The context of a real run: providers from the class path, this process's environment and terminal. */
    public static CliContext fromSystem() {
        boolean consoleIsTerminal = onTerminal(System.console());
        return new CliContext(() -> Providers.load(CliContext.class.getClassLoader()), System.getenv(),
                consoleIsTerminal, YAMA_PTRACE_SCOPE,
                SessionEnvironment.system(Terminals.stderrIsTerminal(consoleIsTerminal)));
    }

    /**
     * Up to JDK 21 a console exists only when stdin and stdout are both terminals; from JDK 22 one always exists
     * and {@code Console.isTerminal()} tells. Without a terminal there is no colour, the safe side.
     */
    static boolean onTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    public Providers providers() {
        if (providers == null) {
            providers = providerLoader.get();
        }
        return providers;
    }

    /** The engine, with this run's providers, for this machine's platform and the session environment's clock. */
    public Profiler profiler() {
        return sessionEnvironment.profiler(providers(), Platform.current(), ProcessTree.system());
    }

    /** Whether standard output (and, up to JDK 21, standard input too) is a terminal. */
    public boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    /** The colours of text output on standard output. */
    public Palette palette() {
        return Palette.choose(environment, stdoutIsTerminal);
    }

    /** Time, signals and the terminal, as sampling commands use them. */
    public SessionEnvironment sessionEnvironment() {
        return sessionEnvironment;
    }

    /** Where Yama's ptrace restriction can be read (Linux); a missing file means no Yama. */
    public Path ptraceScopeFile() {
        return ptraceScopeFile;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Switches verbose reporting on; never off again, as an inherited option may be seen more than once. */
    public void enableVerbose() {
        verbose = true;
    }

    /** With {@code --verbose}, tells why providers were skipped while loading. */
    public void reportProviderProblems(PrintWriter err) {
        if (verbose) {
            for (String problem : providers().problems()) {
                err.println("pyspy4j: provider skipped: " + problem);
            }
            err.flush();
        }
    }
}
