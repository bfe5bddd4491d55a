// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run builds only the part of the command tree its arguments need; for every kind of command line, what it
 * prints and returns is what the whole tree would print and return.
 */
class PartialCommandTreeTest {
    static Stream<Arguments> commandLines() {
        return Stream.of(
                List.of("--version"), List.of("-V"), List.of(), List.of("--help"), List.of("-h"),
                List.of("dump"), List.of("dump", "--help"), List.of("dump", "-V"), List.of("dump", "--pid", "abc"),
                List.of("dump", "--pidd", "1"), List.of("dump", "-p", "1", "--bogus"), List.of("dump", "extra"),
                List.of("dump", "--pid", "6685", "--native", "bogus"), List.of("dump", "--pid", "6685"),
                List.of("record"), List.of("record", "--help"), List.of("record", "--pid", "1", "-f", "nope"),
                List.of("record", "--rate", "0", "--pid", "1"), List.of("record", "--bogus"),
                List.of("top"), List.of("top", "--help"), List.of("top", "--delay", "x", "--pid", "1"),
                List.of("du", "--pid", "abc"), List.of("rec", "--help"), List.of("dupm"), List.of("help", "dump"),
                List.of("--verbose", "dump", "--pid", "abc"), List.of("--version", "dump"), List.of("--bogus"),
                List.of("--list-providers", "--bogus"))
                .map(args -> Arguments.of(args, Subcommand.neededFor(args.toArray(String[]::new))));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("commandLines")
    void runsAsOnTheWholeTree(List<String> args, List<Subcommand> needed) {
        String[] argv = args.toArray(String[]::new);
        CliRunner.Result partial = new CliRunner(new FakeProviders().providers()).run(argv);
        CliRunner.Result whole = new CliRunner(new FakeProviders().providers()).runOnWholeTree(argv);

        assertThat(partial).isEqualTo(whole);
    }

    @Test
    void aSamplingCommandNamedInFullFirstIsBuiltAlone() {
        assertThat(Subcommand.neededFor(new String[] {"dump", "--pid", "1"})).containsExactly(Subcommand.DUMP);
        assertThat(Subcommand.neededFor(new String[] {"record"})).containsExactly(Subcommand.RECORD);
        assertThat(Subcommand.neededFor(new String[] {"top", "--help"})).containsExactly(Subcommand.TOP);
    }

    @Test
    void onlyCommandsThatMayReadALiveProcessPrepareAttaching() {
        for (String[] args : new String[][] {{"dump", "--pid", "1"}, {"record", "--", "python3"}, {"top", "-p", "2"},
                {"dump", "--core-file", "x"}}) {
            assertThat(Subcommand.readsLiveProcesses(args)).as(String.join(" ", args)).isTrue();
        }
        for (String[] args : new String[][] {{}, {"dump", "--core", "core.1"}, {"dump", "--core=core.1"},
                {"dump", "-c", "core.1"}, {"dump", "-ccore.1"},
                {"convert", "a.txt"}, {"--help"}, {"--version"}, {"completions", "bash"}}) {
            assertThat(Subcommand.readsLiveProcesses(args)).as(String.join(" ", args)).isFalse();
        }
        assertThat(Subcommand.armsStopSignals(new String[] {"dump", "--pid", "1"})).isFalse();
        assertThat(Subcommand.armsStopSignals(new String[] {"record", "--pid", "1"})).isTrue();
    }

    @Test
    void versionAloneNeedsNoSubcommand() {
        assertThat(Subcommand.neededFor(new String[] {"--version"})).isEmpty();
        assertThat(Subcommand.neededFor(new String[] {"-V"})).isEmpty();
    }

    @Test
    void everythingElseGetsTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "dump"}, {"du", "--pid", "1"}, {"dupm"},
                {"--verbose", "dump"}, {"--version", "dump"}, {"completions", "bash"}, {"manpage", "top"}}) {
            assertThat(Subcommand.neededFor(args)).as(String.join(" ", args)).isEqualTo(Subcommand.ALL);
        }
    }
}
