// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.dump.JsonDumpRenderer;
import dev.pyspy4j.cli.dump.TextDumpRenderer;
import dev.pyspy4j.cli.options.NativeOptions;
import dev.pyspy4j.cli.options.TargetOptions;
import dev.pyspy4j.cli.options.ThreadSelectionOptions;
import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.dump.DumpRequest;
import dev.pyspy4j.engine.dump.DumpedProcess;
import dev.pyspy4j.engine.dump.ProcessDump;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pyspy4j dump}: prints the current stack of every Python thread of a process once. */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "dump", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Dumps stack traces for a target program to stdout")
public final class DumpCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Mixin
    private ThreadSelectionOptions threadSelection;

    @Mixin
    private NativeOptions nativeOptions;

    @Option(names = {"-j", "--json"}, description = "Format output as JSON")
    private boolean json;

    @Option(names = {"-l", "--locals"}, description = "Show the local variables for each frame. Passing multiple"
            + " times (-ll) increases verbosity")
    private boolean[] locals = new boolean[0];

    @Option(names = "--full-filenames",
            description = "Show full Python filenames, instead of shortening to show only the package part")
    private boolean fullFilenames;

    @Option(names = "--nonblocking", description = "Don't pause the python process when collecting samples."
            + " Setting this option will reduce the performance impact of sampling, but may lead to inaccurate"
            + " results")
    private boolean nonblocking;

    @Option(names = {"-s", "--subprocesses"}, description = "Dump stack traces for subprocesses of the original"
            + " process too")
    private boolean subprocesses;

    @Option(names = "--asyncio", description = "Show the asyncio tasks of each event loop after the thread stacks:"
            + " their state, what they await and their coroutine stacks (CPython 3.7 and later)")
    private boolean asyncio;

    public DumpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        context.reportProviderProblems(err);
        Optional<Long> pid = target.pid(spec);
        if (pid.isEmpty() && subprocesses) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Subprocesses can't be used for getting stacktraces from coredumps");
        }
        if (asyncio && (subprocesses || target.core().isPresent())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--asyncio reads one live process: it can't be used with --subprocesses or --core yet");
        }
        Profiler profiler = context.profiler();
        DumpRequest request = new DumpRequest(pid.orElse(0L), !nonblocking, fullFilenames, locals.length,
                subprocesses, nativeOptions.mode(spec, !nonblocking, context.providers()),
                threadSelection.selection(spec)).withAsyncio(asyncio);
        PrintWriter out = spec.commandLine().getOut();
        if (target.core().isPresent()) {
            writeCore(profiler.dumpCore(target.core().get(), request), target.core().get(), err, out);
        } else if (subprocesses) {
            writeTree(profiler.dumpTree(request), err, out);
        } else {
            write(profiler.dump(request), err, out);
        }
        out.flush();
        if (out.checkError()) {
            throw new SpyException(FailureKind.OUTPUT, "could not write the dump to standard output");
        }
        return ExitCodes.OK;
    }

    private void write(ProcessDump dump, PrintWriter err, PrintWriter out) {
        warn(dump.warnings(), err);
        if (json && dump.asyncio() != null) {
            new JsonDumpRenderer().render(dump.traces(), dump.asyncio(), out);
        } else if (json) {
            new JsonDumpRenderer().render(dump.traces(), out);
        } else {
            new TextDumpRenderer(context.palette()).render(dump, out);
        }
    }

    private void writeCore(ProcessDump dump, Path core, PrintWriter err, PrintWriter out) {
        warn(dump.warnings(), err);
        if (json) {
            new JsonDumpRenderer().render(dump.traces(), out);
        } else {
            new TextDumpRenderer(context.palette()).renderCore(dump, core, out);
        }
    }

    /** Every process's stacks, in one JSON array (py-spy's {@code --json} ignores {@code --subprocesses}, #601). */
    private void writeTree(List<DumpedProcess> processes, PrintWriter err, PrintWriter out) {
        List<ProcessDump> dumps = processes.stream().map(DumpedProcess::dump).filter(Objects::nonNull).toList();
        warn(dumps.stream().flatMap(dump -> dump.warnings().stream()).distinct().toList(), err);
        if (json) {
            new JsonDumpRenderer().render(dumps.stream().flatMap(dump -> dump.traces().stream()).toList(), out);
        } else {
            new TextDumpRenderer(context.palette()).renderTree(processes, out);
        }
    }

    private void warn(List<String> warnings, PrintWriter err) {
        warnings.forEach(warning -> err.println(spec.qualifiedName() + ": warning: " + warning));
        err.flush();
    }
}
