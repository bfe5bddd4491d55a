// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.output.OutputFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine;

/**
 * The "Formats:" section of {@code record --help}: every output format found when help is shown, third-party
 * plugins included, so the list never goes stale. Providers are loaded only when this section is rendered.
 */
final class FormatsHelpSection implements CommandLine.IHelpSectionRenderer {
    static final String KEY = "formats";

    private final CommandLine command;
    private final CliContext context;

    private FormatsHelpSection(CommandLine command, CliContext context) {
        this.command = command;
        this.context = context;
    }

    /** Adds the section to {@code command}'s help, before its exit codes. */
    static void addTo(CommandLine command, CliContext context) {
        HelpSections.addBeforeExitCodes(command, KEY, new FormatsHelpSection(command, context));
    }

    @Override
    public String render(Help help) {
        // A plugin jar that was left out says so here too, where its format would have been listed.
        context.reportProviderProblems(command.getErr());
        List<OutputFormat> formats = new OutputFormats(context.providers().outputFormats(), Platform.current())
                .available();
        Map<String, String> rows = new LinkedHashMap<>();
        for (OutputFormat format : formats) {
            rows.put(format.id(), format.description()
                    + (format.id().equals(OutputFormats.DEFAULT) ? " (default)" : ""));
        }
        String heading = help.createHeading("%nFormats:%n");
        return rows.isEmpty() ? heading + "  (none found on the class path)" + System.lineSeparator()
                : heading + help.createTextTable(rows).toString();
    }
}
