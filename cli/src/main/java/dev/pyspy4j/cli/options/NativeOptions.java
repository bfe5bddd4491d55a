// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.nativestack.NativeMode;
import dev.pyspy4j.spi.Provider;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code -n/--native} and the unwinder that collects the native stacks, for every command that reads stacks. */
public final class NativeOptions {
    /** py-spy's refusal, word for word: native stacks need the threads stopped. */
    public static final String NONBLOCKING_REFUSAL = "Can't get native stack traces with the --nonblocking option.";

    @Option(names = {"-n", "--native"},
            description = "Collect stack traces from native extensions written in Cython, C or C++")
    private boolean nativeStacks;

    @Option(names = "--unwinder", paramLabel = "<unwinder>",
            description = "How native stacks are unwound with --native, one of the unwinders listed below"
                    + " (default: the supported one listed first)")
    private String unwinder;

    /**
     * What was asked for, checked against the other options and the unwinders found.
     *
     * @param pauseTarget whether the target is paused while it is read (not with {@code --nonblocking})
     * @throws CommandLine.ParameterException with {@code --nonblocking}, with {@code --unwinder} alone, or for an
     *                                        unwinder that is not there
     */
    public NativeMode mode(CommandSpec spec, boolean pauseTarget, Providers providers) {
        if (!nativeStacks) {
            if (unwinder != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--unwinder needs --native");
            }
            return NativeMode.OFF;
        }
        if (!pauseTarget) {
            throw new CommandLine.ParameterException(spec.commandLine(), NONBLOCKING_REFUSAL);
        }
        if (unwinder != null && providers.unwinders().byId(unwinder).isEmpty()) {
            List<String> ids = providers.unwinders().all().stream().map(Provider::id).toList();
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--unwinder': '"
                    + unwinder + "' (" + (ids.isEmpty() ? "no unwinder was found"
                    : "choose from " + ids.stream().collect(Collectors.joining(", "))) + ")");
        }
        return NativeMode.on(Optional.ofNullable(unwinder));
    }
}
