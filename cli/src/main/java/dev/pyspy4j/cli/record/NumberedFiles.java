// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.Recorder;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Windows written as numbered files beside the output ({@code out.1.svg}, {@code out.2.svg}, … beside
 * {@code out.svg}), each a complete file of the recording's format.
 */
public final class NumberedFiles implements WindowSink {
    private final Supplier<Recorder> newRecorder;
    private final OutputFile output;
    private final String extension;
    private final RecordConsole console;

    /**
     * @param newRecorder a new, empty recorder of the recording's format
     * @param extension   the format's file extension, before which a file's number goes
     */
    public NumberedFiles(Supplier<Recorder> newRecorder, OutputFile output, String extension, RecordConsole console) {
        this.newRecorder = newRecorder;
        this.output = output;
        this.extension = extension;
        this.console = console;
    }

    @Override
    public Recorder newWindow() {
        return newRecorder.get();
    }

    @Override
    public Optional<String> refusal() {
        if (output.takesNumberedSiblings()) {
            return Optional.empty();
        }
        return Optional.of("no numbered file was written: they go beside the output file, and '" + output.shownAs()
                + "' is not one");
    }

    @Override
    public void deliver(Recorder window, WindowSpan span, Consumer<Runnable> report) {
        String name = output.numberedName(span.number(), extension);
        try {
            OutputFile.prepare(name).write(window);
            report.accept(() -> console.info(window.announce(name) + " " + span.describe()));
        } catch (SpyException e) {
            report.accept(() -> console.warning(e.getMessage() + "; the recording goes on"));
        } catch (RuntimeException e) {
            report.accept(() -> console.warning("could not write '" + name + "': " + e + "; the recording goes on"));
        }
    }
}
