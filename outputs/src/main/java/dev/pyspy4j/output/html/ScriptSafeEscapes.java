// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON escapes for text inside an HTML {@code <script>} element: besides JSON's own, {@code <}, {@code >} and
 * {@code &} become {@code \u003c}-style escapes, so no string (a function named {@code </script>}, a file holding
 * {@code <!--}) can end the element or change how the HTML parser reads it; JSON.parse reads them back unchanged.
 */
final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] asciiEscapes;

    ScriptSafeEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes['<'] = ESCAPE_STANDARD;
        asciiEscapes['>'] = ESCAPE_STANDARD;
        asciiEscapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
