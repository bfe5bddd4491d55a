// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WindowsStructuresTest.assertMalformed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The UNICODE_STRING NtQueryInformationProcess writes, and the C runtime's rules for splitting its text. */
class ProcessCommandLineTest {
    private static final long BUFFER = 0x2a0_0000_0000L;

    @Test
    void theTextThatTheBufferPointerLeadsTo() {
        byte[] bytes = WindowsStructs.unicodeString(BUFFER, "python.exe -c \"print('é')\"");

        assertThat(ProcessCommandLine.decode(bytes, BUFFER)).isEqualTo("python.exe -c \"print('é')\"");
    }

    @Test
    void anEmptyStringNeedsNoBuffer() {
        assertThat(ProcessCommandLine.decode(new byte[16], BUFFER)).isEmpty();
    }

    @Test
    void aBufferPointerOutsideTheAnswerIsMalformed() {
        byte[] bytes = WindowsStructs.unicodeString(BUFFER, "python.exe");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(8, BUFFER - 2);

        assertMalformed(() -> ProcessCommandLine.decode(bytes, BUFFER), "malformed UNICODE_STRING from Windows: "
                + "the command line's text (Buffer 0x29ffffffffe) at offset -2 (20 bytes) lies outside its 38 bytes");
    }

    @Test
    void programNameAndPlainArguments() {
        assertThat(ProcessCommandLine.split("python.exe  -u\tapp.py")).containsExactly("python.exe", "-u", "app.py");
    }

    @Test
    void aQuotedProgramNameKeepsItsSpacesAndBackslashes() {
        assertThat(ProcessCommandLine.split("\"C:\\Program Files\\Python313\\python.exe\" app.py"))
                .containsExactly("C:\\Program Files\\Python313\\python.exe", "app.py");
    }

    @Test
    void quotesAndBackslashesInArguments() {
        assertThat(ProcessCommandLine.split("p \"a b\" c\\\\d \"e\\\"f\" g\\\\\\\"h \"i\\\\\" j\"\"k \"l\"\"m\""))
                .containsExactly("p", "a b", "c\\\\d", "e\"f", "g\\\"h", "i\\", "jk", "l\"m");
    }

    @Test
    void trailingBlanksAndAnEmptyLine() {
        assertThat(ProcessCommandLine.split("python.exe   ")).containsExactly("python.exe");
        assertThat(ProcessCommandLine.split("")).isEmpty();
        assertThat(ProcessCommandLine.split("p \"\"")).containsExactly("p", "");
    }
}
