// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test output format: collapsed stacks ({@code root;...;leaf count}, sorted), labels {@code name (file:line)} as
 * the real raw format writes them. Remembers the settings and timestamps it was given.
 */
public final class CollapsedFormat implements OutputFormat {
    private final String id;
    private final List<OutputSettings> settings = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();

    public CollapsedFormat(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "collapsed stacks for tests";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    public List<OutputSettings> settings() {
        return settings;
    }

    /** The {@code elapsedNanos} of every recorded stack, in order. */
    public List<Long> timestamps() {
        return timestamps;
    }

    @Override
    public Recorder newRecorder(OutputSettings given) {
        settings.add(given);
        Map<String, Long> counts = new TreeMap<>();
        return new Recorder() {
            @Override
            public void record(StackTrace trace, long elapsedNanos) {
                timestamps.add(elapsedNanos);
                counts.merge(collapse(trace, given.lineNumbers()), 1L, Long::sum);
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                StringBuilder text = new StringBuilder();
                counts.forEach((stack, count) -> text.append(stack).append(' ').append(count).append('\n'));
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String announce(String path) {
                return "Wrote " + id + " data to '" + path + "'";
            }

            @Override
            public String hint() {
                return "Open it with a text editor";
            }
        };
    }

    private static String collapse(StackTrace trace, boolean lineNumbers) {
        List<String> labels = new ArrayList<>();
        for (int i = trace.frames().size() - 1; i >= 0; i--) {
            Frame frame = trace.frames().get(i);
            String file = frame.displayFilename();
            labels.add(lineNumbers && frame.line() != 0 ? frame.name() + " (" + file + ":" + frame.line() + ")"
                    : file.isEmpty() ? frame.name() : frame.name() + " (" + file + ")");
        }
        return String.join(";", labels);
    }
}
