// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine;

/**
 * The "Unwinders:" section of {@code --help} for the commands that take {@code --native}: every unwinder found when
 * help is shown, the default first, then the others that work here, then those that do not (saying so).
 */
final class UnwindersHelpSection implements CommandLine.IHelpSectionRenderer {
    static final String KEY = "unwinders";

    private final CommandLine command;
    private final CliContext context;

    private UnwindersHelpSection(CommandLine command, CliContext context) {
        this.command = command;
        this.context = context;
    }

    /** Adds the section to {@code command}'s help, before its exit codes. */
    static void addTo(CommandLine command, CliContext context) {
        HelpSections.addBeforeExitCodes(command, KEY, new UnwindersHelpSection(command, context));
    }

    @Override
    public String render(Help help) {
        context.reportProviderProblems(command.getErr());
        Platform platform = Platform.current();
        List<NativeUnwinderProvider> supported = context.providers().unwinders().supported(platform);
        Map<String, String> rows = new LinkedHashMap<>();
        for (NativeUnwinderProvider unwinder : supported) {
            rows.put(unwinder.id(), unwinder.description() + (rows.isEmpty() ? " (default)" : ""));
        }
        for (NativeUnwinderProvider unwinder : context.providers().unwinders().all()) {
            if (!supported.contains(unwinder)) {
                rows.put(unwinder.id(), unwinder.description() + " (not supported on " + platform + ")");
            }
        }
        String heading = help.createHeading("%nUnwinders (--native):%n");
        return rows.isEmpty() ? heading + "  (none found on the class path)" + System.lineSeparator()
                : heading + help.createTextTable(rows).toString();
    }
}
