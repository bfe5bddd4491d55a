// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.output.support.StackAggregator;
import dev.pyspy4j.output.support.WellFormedText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes collapsed stacks, one line per distinct stack: the frame labels root first joined by {@code ;}, a space
 * and the number of samples ({@code main (app.py:3);work (app.py:9) 42}), in UTF-8, sorted by labels root first
 * (py-spy writes hash order). A stack without frames is written as {@code " N"}.
 *
 * <p>Escaping: the format has no quoting, so a label must not contain {@code ;} (the separator) or a line break.
 * {@code ;} is written as {@code :}, a line feed as the two characters {@code \n} and a carriage return as
 * {@code \r}; such labels therefore do not read back unchanged. A space needs nothing, as the count is what follows
 * the last space. Unpaired UTF-16 surrogates become U+FFFD.
 */
public final class CollapsedWriter {
    private CollapsedWriter() {
    }

    /** {@code label} made safe for a collapsed line, as described above. */
    public static String escape(String label) {
        String safe = WellFormedText.of(label);
        if (safe.indexOf(';') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return safe.replace(';', ':').replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Writes every stack of {@code stacks}, whose labels are already escaped; flushes but does not close. */
    public static void write(StackAggregator stacks, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            stacks.forEachStack((labels, count) -> writeLine(writer, labels, count));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static void writeLine(Writer writer, List<String> labels, long count) {
        try {
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) {
                    writer.write(';');
                }
                writer.write(labels.get(i));
            }
            writer.write(' ');
            writer.write(Long.toString(count));
            writer.write('\n');
        } catch (IOException e) {
            // StackVisitor cannot throw checked exceptions; write() unwraps this.
            throw new UncheckedIOException(e);
        }
    }
}
