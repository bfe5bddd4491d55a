// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.options.AsyncAwareOptions;
import dev.pyspy4j.cli.options.DelayConverter;
import dev.pyspy4j.cli.options.NativeOptions;
import dev.pyspy4j.cli.options.ProgramOrPidOptions;
import dev.pyspy4j.cli.options.SamplingOptions;
import dev.pyspy4j.cli.options.ThreadSelectionOptions;
import dev.pyspy4j.cli.record.EverySampleFailed;
import dev.pyspy4j.cli.session.TopRequest;
import dev.pyspy4j.cli.session.TopSession;
import dev.pyspy4j.cli.top.TopDisplays;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pyspy4j top}: a live view of the functions a process spends its time in. */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "top", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Displays a top like view of functions consuming CPU",
            "",
            // picocli formats descriptions with String.format: a percent sign is written %%.
            "%%Own and %%Total are shares of the thread time sampled in the last refresh interval (so %%Own adds up"
                + " to 100%% over all functions, however many threads run); OwnTime and TotalTime are wall-clock"
                + " seconds of thread time since the start. Keys: 1-4 sort, L lines/functions, R reset, ? help,"
                + " q quit. When standard output is not a terminal, a plain snapshot is printed at every refresh."})
public final class TopCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProgramOrPidOptions target;

    @Mixin
    private SamplingOptions sampling;

    @Mixin
    private ThreadSelectionOptions threadSelection;

    @Mixin
    private NativeOptions nativeOptions;

    @Mixin
    private AsyncAwareOptions asyncAware;

    @Option(names = "--delay", paramLabel = "<seconds>", defaultValue = "1.0", converter = DelayConverter.class,
            description = "Delay between top refreshes, in seconds (default: ${DEFAULT-VALUE})")
    private double delaySeconds;

    @Option(names = {"-s", "--subprocesses"}, description = "Profile subprocesses of the original process")
    private boolean subprocesses;

    @Option(names = "--full-filenames",
            description = "Show full Python filenames, instead of shortening to show only the package part")
    private boolean fullFilenames;

    public TopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SamplingPlan plan = new SamplingPlan(sampling.rate(), OptionalLong.empty(), sampling.pauseTarget(),
                sampling.gilOnly(), LineNumbers.CURRENT,
                nativeOptions.mode(spec, sampling.pauseTarget(), context.providers()))
                .withThreads(threadSelection.selection(spec));
        plan = plan.withAsyncTasks(asyncAware.mode(spec, plan.nativeStacks().enabled()));
        TopRequest request = new TopRequest(target.target(spec), plan, sampling.includeIdle(), subprocesses,
                fullFilenames, delaySeconds);
        context.reportProviderProblems(spec.commandLine().getErr());
        TopDisplays displays = TopDisplays.forConsole(spec.commandLine().getOut(), context.stdoutIsTerminal(),
                context.palette().enabled(), context.sessionEnvironment().clock());
        new TopSession(context.providers(), Platform.current(), context.sessionEnvironment(), displays,
                spec.commandLine().getErr()).run(request).ifPresent(failure -> {
                    // Said once the screen is gone: the table showed nothing but the error rate.
                    throw EverySampleFailed.because(failure, context.ptraceScopeFile());
                });
        return ExitCodes.OK;
    }
}
