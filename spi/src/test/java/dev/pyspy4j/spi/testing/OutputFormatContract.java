// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutputFormat} must do; an implementation's test extends this class and parses the bytes it
 * wrote with {@link #assertParsesWithFrames}.
 */
public abstract class OutputFormatContract {
    protected static final OutputSettings SETTINGS = new OutputSettings("pyspy4j record -o out -- python app.py", 100,
            true, "pyspy4j test");

    protected abstract OutputFormat format();

    /** Checks that {@code written} is a valid file of the format that mentions every given function name. */
    protected abstract void assertParsesWithFrames(byte[] written, List<String> functionNames) throws IOException;

    /** Two threads, the second deeper, with non-ASCII and markup-hostile names. */
    protected static List<StackTrace> sampleTraces() {
        Frame leaf = new Frame("compute<T>&\"x\"", "/app/ünï/mod.py", null, "ünï/mod.py", 42, null, false, false);
        Frame caller = new Frame("main", "/app/main.py", null, "main.py", 7, null, true, true);
        Frame sleep = new Frame("関数", "/app/名前.py", null, "名前.py", 3, null, true, true);
        return List.of(new StackTrace(10, 0x7f00L, "MainThread", 10, true, true, List.of(leaf, caller), null),
                new StackTrace(10, 0x7f01L, "worker", 11, true, false, List.of(sleep), null));
    }

    private byte[] write(List<StackTrace> traces) throws IOException {
        Recorder recorder = format().newRecorder(SETTINGS);
        long nanos = 0;
        for (StackTrace trace : traces) {
            recorder.record(trace, nanos += 10_000_000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recorder.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void writesEveryRecordedFunction() throws IOException {
        byte[] written = write(sampleTraces());
        assertThat(written).isNotEmpty();
        assertParsesWithFrames(written, List.of("compute<T>&\"x\"", "main", "関数"));
    }

    @Test
    void writesAValidFileWithoutSamples() throws IOException {
        assertParsesWithFrames(write(List.of()), List.of());
    }

    @Test
    void describesItselfForHelpAndFileNames() {
        assertThat(format().id()).matches("[a-z0-9-]+");
        assertThat(format().description()).isNotBlank();
        assertThat(format().fileExtension()).matches("[a-z0-9]+");
        assertThat(format().newRecorder(SETTINGS).announce("out.file")).contains("out.file");
    }
}
