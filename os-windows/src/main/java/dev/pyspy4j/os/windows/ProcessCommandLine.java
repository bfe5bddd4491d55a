// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * A process's command line from {@code NtQueryInformationProcess(ProcessCommandLineInformation)}, which writes a
 * {@code UNICODE_STRING} (x64, {@code ntdef.h}: {@code USHORT Length} in bytes at 0, {@code USHORT MaximumLength} 2,
 * padding, {@code PWSTR Buffer} 8) whose text lies in the same buffer, and its split into arguments. Windows keeps one
 * string per process; the arguments are what the Microsoft C runtime makes of it, which is what a Python program
 * sees as {@code sys.orig_argv}.
 */
final class ProcessCommandLine {
    /** {@code ProcessCommandLineInformation}, the {@code PROCESSINFOCLASS} value (Windows 8.1 and later). */
    static final int PROCESS_COMMAND_LINE_INFORMATION = 60;
    private static final int UNICODE_STRING_SIZE = 16;

    private ProcessCommandLine() {
    }

    /** The text of the {@code UNICODE_STRING} at the start of {@code bytes}, written at {@code bufferAddress}. */
    static String decode(byte[] bytes, long bufferAddress) {
        StructBytes struct = new StructBytes(bytes, "UNICODE_STRING");
        struct.require(0, UNICODE_STRING_SIZE, "the UNICODE_STRING header");
        int length = struct.u16(0, "Length");
        if (length == 0) {
            return "";
        }
        long textOffset = struct.u64(8, "Buffer") - bufferAddress;
        struct.require(textOffset, length, "the command line's text (Buffer 0x"
                + Long.toHexString(textOffset + bufferAddress) + ")");
        return struct.wideChars(textOffset, length, "the command line's text");
    }

    /**
     * Splits a command line as the Microsoft C runtime does: the program name ends at the next space or tab, or at
     * the closing quote when it starts with one, with no escapes; in later arguments, spaces and tabs separate
     * outside quotes, {@code 2n} backslashes before a quote give {@code n} and the quote toggles quoting,
     * {@code 2n+1} give {@code n} and a literal quote, backslashes elsewhere are literal, and {@code ""} inside
     * quotes is a literal quote.
     */
    static List<String> split(String commandLine) {
        List<String> arguments = new ArrayList<>();
        int position = programName(commandLine, arguments);
        int length = commandLine.length();
        while (true) {
            while (position < length && isBlank(commandLine.charAt(position))) {
                position++;
            }
            if (position >= length) {
                return arguments;
            }
            StringBuilder argument = new StringBuilder();
            boolean quoted = false;
            while (position < length && (quoted || !isBlank(commandLine.charAt(position)))) {
                char c = commandLine.charAt(position);
                if (c == '\\') {
                    int backslashes = 0;
                    while (position < length && commandLine.charAt(position) == '\\') {
                        backslashes++;
                        position++;
                    }
                    if (position < length && commandLine.charAt(position) == '"') {
                        argument.append("\\".repeat(backslashes / 2));
                        if (backslashes % 2 == 1) {
                            argument.append('"');
                            position++;
                        }
                    } else {
                        argument.append("\\".repeat(backslashes));
                    }
                } else if (c == '"') {
                    if (quoted && position + 1 < length && commandLine.charAt(position + 1) == '"') {
                        argument.append('"');
                        position += 2;
                    } else {
                        quoted = !quoted;
                        position++;
                    }
                } else {
                    argument.append(c);
                    position++;
                }
            }
            arguments.add(argument.toString());
        }
    }

    /** Adds the program name and returns where the rest starts. */
    private static int programName(String commandLine, List<String> arguments) {
        if (commandLine.isEmpty()) {
            return 0;
        }
        if (commandLine.charAt(0) == '"') {
            int close = commandLine.indexOf('"', 1);
            int end = close < 0 ? commandLine.length() : close;
            arguments.add(commandLine.substring(1, end));
            return Math.min(commandLine.length(), end + 1);
        }
        int end = 0;
        while (end < commandLine.length() && !isBlank(commandLine.charAt(end))) {
            end++;
        }
        arguments.add(commandLine.substring(0, end));
        return end;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
