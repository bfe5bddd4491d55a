// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A manual page in man(7) troff, written from the same picocli model the {@code --help} text comes from, so the two
 * cannot drift apart: name, synopsis, description, options, positional parameters, subcommands and exit codes.
 */
final class ManPage {
    private static final Pattern LEADING_CONTROL = Pattern.compile("(?m)^([.'])");

    private final CommandSpec command;
    private final String version;

    ManPage(CommandSpec command, String version) {
        this.command = command;
        this.version = version;
    }

    /** The page's troff source. */
    String render() {
        StringBuilder page = new StringBuilder();
        String title = command.qualifiedName("-");
        page.append(".TH \"").append(escape(title.toUpperCase(java.util.Locale.ROOT))).append("\" 1 \"\" \"pyspy4j ")
                .append(escape(version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n").append(escape(title)).append(" \\- ").append(escape(firstLine(description())))
                .append('\n');
        page.append(".SH SYNOPSIS\n.nf\n").append(escape(synopsis())).append("\n.fi\n");
        page.append(".SH DESCRIPTION\n").append(escape(description())).append('\n');
        List<PositionalParamSpec> positionals = command.positionalParameters().stream()
                .filter(parameter -> !parameter.hidden()).toList();
        if (!positionals.isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            positionals.forEach(parameter -> item(page, parameter.paramLabel(), parameter.description()));
        }
        List<OptionSpec> options = command.options().stream().filter(option -> !option.hidden()).toList();
        if (!options.isEmpty()) {
            page.append(".SH OPTIONS\n");
            options.forEach(option -> item(page, optionTerm(option), option.description()));
        }
        Map<String, CommandLine> subcommands = command.subcommands();
        List<String> visible = subcommands.keySet().stream()
                .filter(name -> !subcommands.get(name).getCommandSpec().usageMessage().hidden()).toList();
        if (!visible.isEmpty()) {
            page.append(".SH COMMANDS\n");
            visible.forEach(name -> item(page, name,
                    subcommands.get(name).getCommandSpec().usageMessage().description()));
        }
        Map<String, String> exitCodes = command.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            page.append(".SH \"EXIT STATUS\"\n");
            exitCodes.forEach((code, meaning) -> item(page, code.strip(), new String[] {meaning}));
        }
        if (command.parent() != null || !visible.isEmpty()) {
            page.append(".SH \"SEE ALSO\"\n").append(escape(seeAlso(visible))).append('\n');
        }
        return page.toString();
    }

    private String seeAlso(List<String> subcommands) {
        if (command.parent() != null) {
            return "pyspy4j(1)";
        }
        return String.join(", ", subcommands.stream().map(name -> "pyspy4j-" + name + "(1)").toList());
    }

    private String description() {
        return String.join("\n", formatted(command.usageMessage().description()));
    }

    private String synopsis() {
        String usage = command.commandLine().getHelp().synopsis(0).strip();
        return usage.startsWith("Usage: ") ? usage.substring("Usage: ".length()) : usage;
    }

    private static String optionTerm(OptionSpec option) {
        String names = String.join(", ", option.names());
        return option.arity().max() > 0 ? names + "=" + option.paramLabel() : names;
    }

    private static void item(StringBuilder page, String term, String[] description) {
        page.append(".TP\n.B ").append(escape(term)).append('\n');
        for (String line : formatted(description)) {
            page.append(line.isBlank() ? ".br" : escape(line)).append('\n');
        }
    }

    /** Picocli description lines are format strings: {@code %n} is a line break and {@code %%} a percent sign. */
    private static List<String> formatted(String[] lines) {
        return java.util.Arrays.stream(lines).flatMap(line -> line.replace("%%", "%").lines()
                .flatMap(part -> java.util.Arrays.stream(part.split("%n", -1)))).toList();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Backslashes and hyphens as troff wants them, and no line starting with a control character. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return LEADING_CONTROL.matcher(escaped).replaceAll("\\\\&$1");
    }
}
