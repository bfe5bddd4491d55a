// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.dump.ProcessDump;
import dev.pyspy4j.cli.names.FilenameShortener;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import dev.pyspy4j.spi.python.InterpreterLayoutProvider;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.List;
import java.util.Optional;

/**
 * Attaches to a process, reads the stacks of its Python threads once and lets go, whatever happens.
 * Failures are the providers' {@link dev.pyspy4j.spi.SpyException}s, passed on unchanged.
 */
public final class DumpSession {
    private final Providers providers;
    private final Platform platform;

    public DumpSession(Providers providers, Platform platform) {
        this.providers = providers;
        this.platform = platform;
    }

    public ProcessDump dump(DumpRequest request) {
        ProcessAccessProvider access = providers.processAccess().select(platform, Optional.empty());
        ThreadActivityProvider activity = providers.threadActivity().select(platform, Optional.empty());
        InterpreterLayoutProvider layouts = providers.interpreterLayouts().select(platform, Optional.empty());
        try (TargetProcess target = access.attach(request.pid())) {
            PythonInterpreter interpreter = layouts.open(target);
            List<String> commandLine = target.commandLine();
            String executable = target.executablePath();
            InterpreterSample sample;
            try (ThreadActivityProbe probe = activity.open(target)) {
                sample = interpreter.sample(new SampleRequest(request.pauseTarget(), LineNumbers.CURRENT, false,
                        request.localsBudget(), probe));
            }
            FilenameShortener names = request.fullFilenames()
                    ? FilenameShortener.keepingFullNames()
                    : FilenameShortener.seenBy(target::fileAsSeenByTarget);
            return new ProcessDump(target.pid(), commandLine, executable, interpreter.version(),
                    interpreter.warnings(), names.shortenAll(sample.traces()));
        }
    }
}
