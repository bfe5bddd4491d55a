// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.nativestack.NativeDepth;
import dev.pyspy4j.engine.nativestack.NativeProviders;
import dev.pyspy4j.engine.nativestack.NativeStacks;
import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.InterpreterOpener;
import dev.pyspy4j.engine.sampling.OpenPatience;
import dev.pyspy4j.engine.sampling.OpenedProcess;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreterProvider;
import dev.pyspy4j.spi.python.SampleRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Attaches to a process, reads the stacks of its Python threads once and lets go, whatever happens; with
 * {@code --subprocesses}, does so for each process of its tree. Failures are the providers'
 * {@link dev.pyspy4j.spi.SpyException}s, passed on unchanged.
 */
public final class DumpSession {
    private final Providers providers;
    private final Platform platform;
    private final ProcessTree processTree;
    private final Clock clock;

    /**
     * @param processTree where {@link #dumpTree} finds the descendants of the process
     * @param clock       paces the attempts to find the interpreter of a process caught changing
     */
    public DumpSession(Providers providers, Platform platform, ProcessTree processTree, Clock clock) {
        this.providers = providers;
        this.platform = platform;
        this.processTree = processTree;
        this.clock = clock;
    }

    /**
     * Reads one process. Finding its interpreter is attempted again, briefly, when a read raced with the interpreter
     * changing a pointer, as {@code record} and {@code top} do.
     */
    public ProcessDump dump(DumpRequest request) {
        nativeProviders(request);
        OpenedProcess opened = new InterpreterOpener(access(), interpreters(), clock)
                .open(request.pid(), OpenPatience.runningProcess(), new StopSignal());
        try (TargetProcess target = opened.target()) {
            return read(target, opened.interpreter(), request);
        }
    }

    /**
     * Reads the stack of every Python thread of the process that core file {@code core} was made of. No thread's
     * activity is known (a core holds no scheduler state): each is reported active, and which one held the GIL.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the file is missing, not a core or truncated;
     *         NOT_PYTHON, UNSUPPORTED_PYTHON or MEMORY_READ as for a live process
     */
    public ProcessDump dumpCore(Path core, DumpRequest request) {
        try (TargetProcess target = access().openCore(core)) {
            return read(target, interpreters().open(target), request, null);
        }
    }

    /**
     * Dumps the process and every descendant, parents before children; a process that is not Python, or cannot be
     * read, is listed with the reason instead of ending the dump (py-spy stops at the first, #846).
     *
     * @throws dev.pyspy4j.spi.SpyException the root's failure to attach; when no process could be read, NOT_PYTHON
     *         or the failure of one that looked like Python
     */
    public List<DumpedProcess> dumpTree(DumpRequest request) {
        nativeProviders(request);
        return new TreeDump(this, processTree).dump(request);
    }

    ProcessAccessProvider access() {
        return providers.processAccess().select(platform, Optional.empty());
    }

    private PythonInterpreterProvider interpreters() {
        return providers.interpreters().select(platform, Optional.empty());
    }

    /** Finds the interpreter of an attached process and reads its stacks once. */
    ProcessDump read(TargetProcess target, DumpRequest request) {
        return read(target, interpreters().open(target), request);
    }

    /** The native providers {@code request} needs, chosen before any process is attached; null for none. */
    private NativeProviders nativeProviders(DumpRequest request) {
        return request.nativeStacks().enabled()
                ? NativeProviders.select(providers, platform, request.nativeStacks()) : null;
    }

    private ProcessDump read(TargetProcess target, PythonInterpreter interpreter, DumpRequest request) {
        return read(target, interpreter, request, providers.threadActivity().select(platform, Optional.empty()));
    }

    /** @param activity tells idle threads from running ones; null when it cannot be told (a core file) */
    private ProcessDump read(TargetProcess target, PythonInterpreter interpreter, DumpRequest request,
                             ThreadActivityProvider activity) {
        List<String> commandLine = target.commandLine();
        String executable = target.executablePath();
        List<StackTrace> traces;
        List<String> warnings = new ArrayList<>(target.warnings());
        warnings.addAll(interpreter.warnings());
        NativeProviders natives = nativeProviders(request);
        try (ThreadActivityProbe probe = activity == null ? null : activity.open(target)) {
            SampleRequest sampleRequest = new SampleRequest(request.pauseTarget(), LineNumbers.CURRENT, false,
                    request.localsBudget(), probe).withThreads(request.threads());
            if (natives == null) {
                traces = interpreter.sample(sampleRequest).traces();
            } else {
                try (NativeStacks stacks = natives.open(target, interpreter, NativeDepth.maxFrames())) {
                    NativeStacks.MergedSample merged = stacks.merge(
                            interpreter.sample(stacks.whilePaused(sampleRequest)).traces());
                    traces = merged.traces();
                    // A dump has no failure count to add to: the user is told which threads are missing and why.
                    merged.mismatches().stream().map(SpyException::getMessage)
                            .map(message -> message + "; the thread is left out").forEach(warnings::add);
                }
            }
        }
        // The tasks are read after the threads, in a pause of their own: a task view that is a few microseconds
        // younger than the thread stacks is still one consistent view of the tasks.
        AsyncioSnapshot tasks = request.asyncio()
                ? interpreter.asyncioTasks(request.pauseTarget() && activity != null, request.localsBudget()) : null;
        FilenameShortener names = request.fullFilenames()
                ? FilenameShortener.keepingFullNames()
                : FilenameShortener.seenBy(target::fileAsSeenByTarget);
        return new ProcessDump(target.pid(), target.namespacePid(), commandLine, executable, interpreter.version(),
                warnings, names.shortenAll(traces), tasks == null ? null : AsyncioFilenames.shorten(tasks, names));
    }
}
