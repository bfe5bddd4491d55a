// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes text into XML character data or a double-quoted attribute: escapes {@code & < > " '} and replaces what
 * XML 1.0 cannot carry at all, not even as a character reference (control characters other than tab, line feed
 * and carriage return, U+FFFE, U+FFFF, unpaired surrogates; XML 1.0 section 2.2) with U+FFFD.
 */
final class XmlText {
    private XmlText() {
    }

    static void write(Writer out, String text) throws IOException {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.write(c);
                out.write(text.charAt(++i));
            } else {
                writeChar(out, c);
            }
        }
    }

    private static void writeChar(Writer out, char c) throws IOException {
        switch (c) {
            case '&' -> out.write("&amp;");
            case '<' -> out.write("&lt;");
            case '>' -> out.write("&gt;");
            case '"' -> out.write("&quot;");
            case '\'' -> out.write("&apos;");
            // Keep line breaks and tabs visible to XML parsers, which would normalise the literal characters.
            case '\t' -> out.write("&#9;");
            case '\n' -> out.write("&#10;");
            case '\r' -> out.write("&#13;");
            default -> out.write(allowed(c) ? c : '\uFFFD');
        }
    }

    private static boolean allowed(char c) {
        return c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
