// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The process pseudo-frames of {@code --subprocesses}: py-spy's label, the ancestors towards the root, and a command
 * line that can never split a collapsed-stack line or a frame, whatever it holds.
 */
class ProcessFramesTest {
    private final ProcessInfo parent = new ProcessInfo(4242, "python app.py", null);
    private final ProcessInfo child = new ProcessInfo(4300, "sh -c python w.py", parent);
    private final ProcessInfo grandchild = new ProcessInfo(4301, "python w.py", child);

    @Test
    void labelsAProcessAsPySpyDoes() {
        assertThat(ProcessFrames.label(parent)).isEqualTo("process 4242:\"python app.py\"");
    }

    @Test
    void framesRunFromTheProcessToTheTopMostAncestorWithoutFileOrLine() {
        assertThat(ProcessFrames.of(grandchild)).extracting(Frame::name).containsExactly(
                "process 4301:\"python w.py\"", "process 4300:\"sh -c python w.py\"", "process 4242:\"python app.py\"");
        assertThat(ProcessFrames.of(grandchild)).allSatisfy(frame -> {
            assertThat(frame.filename()).isEmpty();
            assertThat(frame.line()).isZero();
        });
    }

    @Test
    void aMultiLineScriptWithSemicolonsBecomesOneLineWithoutSeparators() {
        String commandLine = "python -c import os; import time\nwhile True:\n\tx = \"a\\b\"\r";

        assertThat(ProcessFrames.escape(commandLine))
                .isEqualTo("python -c import os\\x3b import time\\nwhile True:\\n\\tx = \\\"a\\\\b\\\"\\r");
    }

    @Test
    void otherControlCharactersAndUnicodeLineBreaksAreEscapedToo() {
        assertThat(ProcessFrames.escape("a\u0000b\u001bc\u007fd\u0085e\u2028f\u2029g"))
                .isEqualTo("a\\x00b\\x1bc\\x7fd\\x85e\\u2028f\\u2029g");
        assertThat(ProcessFrames.escape("naïve 名前 😀")).isEqualTo("naïve 名前 😀");
    }

    @Test
    void aLongCommandLineIsCutWithoutSplittingACharacter() {
        String emoji = "😀";
        String escaped = ProcessFrames.escape("x".repeat(ProcessFrames.LONGEST_COMMAND_LINE - 1) + emoji.repeat(5));

        assertThat(escaped).isEqualTo("x".repeat(ProcessFrames.LONGEST_COMMAND_LINE - 1) + emoji + "...");
        assertThat(ProcessFrames.escape("y".repeat(ProcessFrames.LONGEST_COMMAND_LINE)))
                .as("exactly the longest is kept whole").isEqualTo("y".repeat(ProcessFrames.LONGEST_COMMAND_LINE));
    }

    @Property
    void anyCommandLineMakesOneSafeLabel(@ForAll String commandLine) {
        String label = ProcessFrames.label(new ProcessInfo(7, commandLine, null));

        assertThat(label).doesNotContain(";", "\n", "\r", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029");
        assertThat(label.chars().filter(Character::isISOControl)).isEmpty();
        assertThat(label).startsWith("process 7:\"").endsWith("\"");
        // The quotes inside are all escaped, so the label's own quotes are the only bare ones.
        assertThat(label.substring(11, label.length() - 1).replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
    }

    @Property
    void aShortCommandLineCanBeReadBackExactly(@ForAll @StringLength(max = 40) String commandLine) {
        assertThat(unescape(ProcessFrames.escape(commandLine))).isEqualTo(commandLine);
    }

    /** Reverses the escapes the class documents, independently of its code. */
    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char kind = escaped.charAt(++i);
            switch (kind) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'x' -> {
                    text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(kind);
            }
        }
        return text.toString();
    }
}
