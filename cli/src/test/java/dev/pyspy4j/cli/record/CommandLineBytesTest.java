// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the bytes of an argument that the JVM's decoding replaced with U+FFFD. */
class CommandLineBytesTest {
    private static final byte[] INVALID = {'j', (byte) 0xff, '.', 'r', 'a', 'w'};

    private static CommandLineBytes commandLine(byte[]... arguments) {
        return new CommandLineBytes(List.of(arguments), StandardCharsets.UTF_8);
    }

    private static String decoded(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void anUndecodableByteIsFoundWithTheArgumentsBytes() {
        assertThat(commandLine("-o".getBytes(StandardCharsets.UTF_8), INVALID).lostBytes(decoded(INVALID)))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(INVALID));
    }

    @Test
    void aPrefixOfTheSameArgumentIsNotPartOfTheName() {
        byte[] option = new byte[INVALID.length + 9];
        System.arraycopy("--output=".getBytes(StandardCharsets.UTF_8), 0, option, 0, 9);
        System.arraycopy(INVALID, 0, option, 9, INVALID.length);

        assertThat(commandLine(option).lostBytes(decoded(INVALID)))
                .hasValueSatisfying(bytes -> assertThat(CommandLineBytes.escaped(bytes)).isEqualTo("j\\xff.raw"));
    }

    @Test
    void aReplacementCharacterTypedAsSuchIsAName() {
        String name = "j\uFFFD.raw";

        assertThat(commandLine(name.getBytes(StandardCharsets.UTF_8)).lostBytes(name)).isEmpty();
    }

    @Test
    void validNamesAreLeftAlone() {
        String name = "profil-é.svg";

        assertThat(commandLine(name.getBytes(StandardCharsets.UTF_8)).lostBytes(name)).isEmpty();
    }

    @Test
    void escapingShowsNonAsciiAndBackslashesAsHex() {
        assertThat(CommandLineBytes.escaped("é\\".getBytes(StandardCharsets.UTF_8))).isEqualTo("\\xc3\\xa9\\x5c");
    }
}
