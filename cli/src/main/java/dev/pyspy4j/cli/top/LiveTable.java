// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleConsumer;

/**
 * A {@link TopTable} shared by the sampler's thread, which feeds it, and the screen's thread, which rolls, resets
 * and views it. Every call holds the table's lock for the time of one sample or one view (microseconds; a few file
 * look-ups the first time a file name is seen), never while drawing, so the sampler never waits on the terminal:
 * a screen that cannot write blocks only its own thread.
 */
public final class LiveTable implements SampleConsumer {
    private final TopTable table;

    public LiveTable(TopTable table) {
        this.table = table;
    }

    @Override
    public synchronized void accept(Sample sample) {
        table.accept(sample);
    }

    public synchronized void roll() {
        table.roll();
    }

    public synchronized void reset() {
        table.reset();
    }

    public synchronized TopView view(SortColumn sort, boolean byLine) {
        return table.view(sort, byLine);
    }
}
