// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exit-code policy the README documents, one code per failure kind. */
class ExitCodesTest {
    private final ExitCodes exitCodes = new ExitCodes();

    @Test
    void everyFailureKindHasItsDocumentedCode() {
        Map<FailureKind, Integer> expected = new EnumMap<>(FailureKind.class);
        expected.put(FailureKind.PROCESS_NOT_FOUND, 1);
        expected.put(FailureKind.PROCESS_EXITED, 1);
        expected.put(FailureKind.PERMISSION_DENIED, 3);
        expected.put(FailureKind.NOT_PYTHON, 1);
        expected.put(FailureKind.UNSUPPORTED_PYTHON, 1);
        expected.put(FailureKind.MEMORY_READ, 1);
        expected.put(FailureKind.MALFORMED_INPUT, 1);
        expected.put(FailureKind.UNSUPPORTED_PLATFORM, 1);
        expected.put(FailureKind.USAGE, 2);
        expected.put(FailureKind.OUTPUT, 1);
        expected.put(FailureKind.INTERNAL, 4);

        assertThat(expected).containsOnlyKeys(FailureKind.values());
        expected.forEach((kind, code) ->
                assertThat(exitCodes.getExitCode(new SpyException(kind, "x"))).as(kind.name()).isEqualTo(code));
    }

    @Test
    void parameterExceptionsAreUsageErrors() {
        CommandLine commandLine = new CommandLine(CommandLine.Model.CommandSpec.create());
        assertThat(exitCodes.getExitCode(new CommandLine.ParameterException(commandLine, "bad"))).isEqualTo(2);
    }

    @Test
    void anythingElseIsInternal() {
        assertThat(exitCodes.getExitCode(new IllegalStateException())).isEqualTo(4);
        assertThat(exitCodes.getExitCode(new StackOverflowError())).isEqualTo(4);
    }

    @Test
    void helpListsEveryCode() {
        assertThat(ExitCodes.helpList()).containsOnlyKeys("0", "1", "2", "3", "4");
    }
}
