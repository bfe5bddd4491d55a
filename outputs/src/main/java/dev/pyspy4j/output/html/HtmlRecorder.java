// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the recording in a {@link CallTree} and, at the end, reads the hottest functions' source and writes the
 * page with {@link HtmlWriter}.
 */
final class HtmlRecorder implements Recorder {
    private final OutputSettings settings;
    private final SourceExcerpts.Limits sourceLimits;
    private final CallTree tree = new CallTree();

    HtmlRecorder(OutputSettings settings, SourceExcerpts.Limits sourceLimits) {
        this.settings = settings;
        this.sourceLimits = sourceLimits;
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        tree.add(trace, settings.lineNumbers(), 1);
    }

    /** The format only counts samples, so a replayed aggregate is added in one step. */
    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        if (count > 0) {
            tree.add(trace, settings.lineNumbers(), count);
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        SourceExcerpts sources = settings.lineNumbers()
                ? SourceExcerpts.read(tree, HotFunctions.of(tree), sourceLimits) : SourceExcerpts.none();
        new HtmlWriter(settings).write(tree, sources, out);
    }

    @Override
    public String announce(String path) {
        return "Wrote HTML report to '" + path + "'";
    }

    @Override
    public String hint() {
        return "Open it in any browser; it needs no network";
    }
}
