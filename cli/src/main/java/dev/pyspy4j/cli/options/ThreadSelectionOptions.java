// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import dev.pyspy4j.spi.python.ThreadSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --tid} and {@code --threads-matching}, for every command that reads stacks: only the threads they select
 * are read and shown; the other threads' stacks are not read at all, so a process with hundreds of threads costs
 * what its few interesting ones do.
 */
public final class ThreadSelectionOptions {
    @Option(names = "--tid", paramLabel = "<tid>", split = ",",
            description = "Only the threads with these OS thread ids (as dump shows them); may be repeated or"
                    + " comma-separated")
    private List<Long> threadIds = new ArrayList<>();

    @Option(names = "--threads-matching", paramLabel = "<regex>",
            description = "Only the threads whose Python name (threading's name) contains a match of this regular"
                    + " expression")
    private String nameRegex;

    /**
     * What was asked for.
     *
     * @throws CommandLine.ParameterException for a thread id that is not positive or a malformed expression
     */
    public ThreadSelection selection(CommandSpec spec) {
        for (long id : threadIds) {
            if (id <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--tid takes thread ids above 0, not " + id);
            }
        }
        Optional<Pattern> pattern = Optional.empty();
        if (nameRegex != null) {
            try {
                pattern = Optional.of(Pattern.compile(nameRegex));
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads-matching '" + nameRegex
                        + "' is not a regular expression: " + e.getDescription());
            }
        }
        return new ThreadSelection(Set.copyOf(threadIds), pattern);
    }
}
