// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package org.example.topfunctions;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts, per function (its name and file), the samples it was running in ("own", the innermost frame) and the samples it was anywhere
 * on the stack ("total", once per sample however deep its recursion), then writes the hottest ones by own samples.
 */
final class TopFunctionsRecorder implements Recorder {
    private final OutputSettings settings;
    private final int rows;
    private final Map<String, long[]> counts = new HashMap<>();
    private long samples;

    TopFunctionsRecorder(OutputSettings settings, int rows) {
        this.settings = settings;
        this.rows = rows;
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        samples++;
        List<Frame> frames = trace.frames();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < frames.size(); i++) {
            String function = describe(frames.get(i));
            long[] count = counts.computeIfAbsent(function, key -> new long[2]);
            if (i == 0) {
                count[0]++;
            }
            if (seen.add(function)) {
                count[1]++;
            }
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // The title is a command line, which may hold a multi-line "python -c" script: keep the header one line.
        writer.printf("# %s%n", settings.title().replaceAll("\\R", " "));
        writer.printf("# %d samples at %d samples/s, by %s%n", samples, settings.sampleRate(), settings.producer());
        writer.printf("%7s %7s  %s%n", "own%", "total%", "function");
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                        .thenComparingLong(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(rows)
                .forEach(e -> writer.printf(Locale.ROOT, "%7.2f %7.2f  %s%n", percent(e.getValue()[0]),
                        percent(e.getValue()[1]), e.getKey()));
        writer.flush();
        if (writer.checkError()) {
            throw new IOException("writing the table failed");
        }
    }

    private double percent(long count) {
        return samples == 0 ? 0 : 100.0 * count / samples;
    }

    /** {@code name (file)}: a function is the same function whichever of its lines was running. */
    private static String describe(Frame frame) {
        String file = frame.displayFilename();
        return file.isEmpty() ? frame.name() : frame.name() + " (" + file + ")";
    }

    @Override
    public String announce(String path) {
        return "Wrote the hottest functions to '" + path + "'";
    }

    @Override
    public String hint() {
        return "Read it with any pager, e.g. less";
    }
}
