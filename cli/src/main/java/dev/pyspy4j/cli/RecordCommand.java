// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.options.AsyncAwareOptions;
import dev.pyspy4j.cli.options.DurationConverter;
import dev.pyspy4j.cli.options.NativeOptions;
import dev.pyspy4j.cli.options.ProgramOrPidOptions;
import dev.pyspy4j.cli.options.PyroscopeOptions;
import dev.pyspy4j.cli.options.SamplingOptions;
import dev.pyspy4j.cli.options.ThreadSelectionOptions;
import dev.pyspy4j.cli.pyroscope.PushCounts;
import dev.pyspy4j.cli.pyroscope.PyroscopePush;
import dev.pyspy4j.cli.record.EverySampleFailed;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.session.RecordOutcome;
import dev.pyspy4j.cli.session.RecordRequest;
import dev.pyspy4j.cli.session.RecordSession;
import dev.pyspy4j.engine.sampling.ProgramOrPid;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code pyspy4j record}: samples a process or a program it launches and writes a profile file. */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Records stack trace information to a flamegraph, speedscope or raw file")
public final class RecordCommand implements Callable<Integer> {
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

    @Mixin
    private PyroscopeOptions pyroscopeOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "<filename>",
            description = "Output filename, or - for standard output (default: <program or pid>-<date and time>"
                    + ".<format's extension>)")
    private String output;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = OutputFormats.DEFAULT,
            description = "Output file format, one of the formats listed below (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-d", "--duration"}, paramLabel = "<duration>", defaultValue = DurationConverter.UNLIMITED,
            converter = DurationConverter.class,
            description = "The number of seconds to sample for (default: ${DEFAULT-VALUE})")
    private Long durationSeconds;

    @Option(names = "--period", paramLabel = "<seconds>",
            description = "Also write the stacks of every period of this many seconds to a numbered file beside the"
                    + " output (out.1.svg, out.2.svg, ...) while recording; SIGUSR1 writes one at once, with or"
                    + " without a period")
    private Long periodSeconds;

    @Option(names = {"-F", "--function"},
            description = "Aggregate samples by function's first line number, instead of current line number")
    private boolean functionLines;

    @Option(names = "--nolineno", description = "Do not show line numbers")
    private boolean noLineNumbers;

    @Option(names = {"-t", "--threads"}, description = "Show thread ids in the output")
    private boolean threads;

    @Option(names = {"-s", "--subprocesses"}, description = "Profile subprocesses of the original process")
    private boolean subprocesses;

    @Option(names = "--full-filenames",
            description = "Show full Python filenames, instead of shortening to show only the package part")
    private boolean fullFilenames;

    @Option(names = "--hideprogress", hidden = true, description = "Hide the status line shown on a terminal")
    private boolean hideProgress;

    public RecordCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (functionLines && noLineNumbers) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--function & --nolineno can't be used together");
        }
        if (periodSeconds != null && periodSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--period must be a whole number of seconds above 0, not " + periodSeconds);
        }
        if (periodSeconds != null && OutputFile.STANDARD_OUTPUT.equals(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--period writes numbered files beside the output file, which -o - does not name");
        }
        Optional<PyroscopePush> pyroscope = pyroscopeOptions.push(spec, context.environment());
        if (pyroscope.isPresent() && periodSeconds != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--period and --pyroscope can't be used together: --pyroscope pushes its own windows");
        }
        ProgramOrPid what = target.target(spec);
        context.reportProviderProblems(spec.commandLine().getErr());
        SamplingPlan plan = new SamplingPlan(sampling.rate(),
                durationSeconds == null ? OptionalLong.empty() : OptionalLong.of(durationSeconds),
                sampling.pauseTarget(), sampling.gilOnly(), lineNumbers(),
                nativeOptions.mode(spec, sampling.pauseTarget(), context.providers()))
                .withThreads(threadSelection.selection(spec));
        plan = plan.withAsyncTasks(asyncAware.mode(spec, plan.nativeStacks().enabled()));
        // A launched program writes to the same terminal, so the status line would garble its output (py-spy hides
        // its progress bar then too).
        RecordRequest request = new RecordRequest(what, plan, format, Optional.ofNullable(output),
                sampling.includeIdle(), threads, subprocesses, fullFilenames, !hideProgress && !what.launches(),
                title(), periodSeconds == null ? OptionalLong.empty() : OptionalLong.of(periodSeconds), pyroscope);
        RecordConsole console = new RecordConsole(spec.commandLine().getErr(),
                context.sessionEnvironment().stderrIsTerminal(), spec.qualifiedName(), context.stderrPalette());
        RecordOutcome outcome = new RecordSession(context.providers(), Platform.current(),
                context.sessionEnvironment(), console, context.verbose()).run(request);
        // The file is written by now; a run that read nothing must still not pass for a success.
        outcome.everySampleFailedBecause().ifPresent(failure -> {
            throw EverySampleFailed.because(failure, context.ptraceScopeFile());
        });
        outcome.pushes().filter(counts -> counts.lost() > 0).ifPresent(counts -> {
            throw notAllPushed(counts, pyroscope.get());
        });
        return ExitCodes.OK;
    }

    /** Profiles that never reached the server are lost windows of the recording: the run did not do its job. */
    private static SpyException notAllPushed(PushCounts counts, PyroscopePush push) {
        return new SpyException(FailureKind.OUTPUT, counts.lost() + " of " + (counts.pushed() + counts.lost())
                + " profiles did not reach Pyroscope at " + push.endpoint().server() + " (" + counts.failed()
                + " failed, " + counts.dropped() + " dropped)");
    }

    private LineNumbers lineNumbers() {
        if (noLineNumbers) {
            return LineNumbers.NONE;
        }
        return functionLines ? LineNumbers.FUNCTION_START : LineNumbers.CURRENT;
    }

    /** The command line as typed, which formats show as the profile's title. */
    private String title() {
        return spec.root().name() + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
