// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.dump.Palette;
import dev.pyspy4j.cli.plugins.PluginSearchPath;
import dev.pyspy4j.cli.plugins.Plugins;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the commands of one run share: the providers (loaded on first use, so {@code --help} and
 * {@code --version} never touch them), the environment that decides colours, and the verbosity.
 */
public final class CliContext {
    private static final Path YAMA_PTRACE_SCOPE = Path.of("/proc/sys/kernel/yama/ptrace_scope");

    private final Supplier<Plugins> pluginLoader;
    private final Function<Plugins, Providers> providerLoader;
    private final Map<String, String> environment;
    private final boolean stdoutIsTerminal;
    private final Path ptraceScopeFile;
    private final SessionEnvironment sessionEnvironment;
    private Plugins plugins;
    private Providers providers;
    private boolean pluginWarningsReported;
    private boolean verbose;

    /** A context whose providers are exactly what {@code providerLoader} gives, without plugin jars. */
    public CliContext(Supplier<Providers> providerLoader, Map<String, String> environment, boolean stdoutIsTerminal,
                      Path ptraceScopeFile, SessionEnvironment sessionEnvironment) {
        this(() -> Plugins.none(CliContext.class.getClassLoader()), plugins -> providerLoader.get(), environment,
                stdoutIsTerminal, ptraceScopeFile, sessionEnvironment);
        Objects.requireNonNull(providerLoader, "providerLoader is null");
    }

    /** A context that finds plugin jars first, then the providers they and pyspy4j hold. */
    public CliContext(Supplier<Plugins> pluginLoader, Function<Plugins, Providers> providerLoader,
                      Map<String, String> environment, boolean stdoutIsTerminal, Path ptraceScopeFile,
                      SessionEnvironment sessionEnvironment) {
        this.pluginLoader = Objects.requireNonNull(pluginLoader, "pluginLoader is null");
        this.providerLoader = Objects.requireNonNull(providerLoader, "providerLoader is null");
        this.environment = Map.copyOf(environment);
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.ptraceScopeFile = Objects.requireNonNull(ptraceScopeFile, "ptraceScopeFile is null");
        this.sessionEnvironment = Objects.requireNonNull(sessionEnvironment, "sessionEnvironment is null");
    }

    /**
     * The context of a real run: providers from the class path and the plugin jars, this process's environment and
     * terminal.
     */
    public static CliContext fromSystem() {
        boolean consoleIsTerminal = onTerminal(System.console());
        return new CliContext(() -> Plugins.load(PluginSearchPath.fromSystem(), CliContext.class.getClassLoader()),
                plugins -> Providers.load(plugins.classLoader()), System.getenv(), consoleIsTerminal, YAMA_PTRACE_SCOPE,
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

    /** The environment variables of this run. */
    public Map<String, String> environment() {
        return environment;
    }

    public Providers providers() {
        if (providers == null) {
            plugins = pluginLoader.get();
            providers = providerLoader.apply(plugins);
        }
        return providers;
    }

    /** The engine, with this run's providers, for this machine's platform and the session environment's clock. */
    public Profiler profiler() {
        return sessionEnvironment.profiler(providers(), Platform.current(), ProcessTree.system());
    }

    /** Where a provider came from: {@code built in} or {@code plugin <jar>}. */
    public String providerOrigin(Object provider) {
        providers();
        return plugins.origin(provider);
    }

    /** Whether standard output (and, up to JDK 21, standard input too) is a terminal. */
    public boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    /** The colours of text output on standard output. */
    public Palette palette() {
        return Palette.choose(environment, stdoutIsTerminal);
    }

    /** The colours of lines on standard error. */
    public Palette stderrPalette() {
        return Palette.choose(environment, sessionEnvironment.stderrIsTerminal());
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

    /**
     * Tells, once per run, which plugin jars were left out and why (a user put them there, so they hear about it
     * always); with {@code --verbose}, also why providers were skipped while loading.
     */
    public void reportProviderProblems(PrintWriter err) {
        providers();
        if (!pluginWarningsReported) {
            pluginWarningsReported = true;
            plugins.warnings().forEach(err::println);
            err.flush();
        }
        if (verbose) {
            for (String problem : providers().problems()) {
                err.println("pyspy4j: provider skipped: " + problem);
            }
            err.flush();
        }
    }
}
