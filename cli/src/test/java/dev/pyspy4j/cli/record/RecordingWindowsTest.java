// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbered files of windows of a recording: by period, by request, the last one at the end, none for stdout. */
class RecordingWindowsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final StackTrace TRACE = new StackTrace(1, 1, "MainThread", 1, true, true,
            List.of(new Frame("work", "w.py", null, "w.py", 2, List.of(), false, false)), null);

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final RecordConsole console = new RecordConsole(new PrintWriter(err, true), false, "pyspy4j record");

    @Test
    void eachPeriodGetsAFileOfItsOwnStacksAndTheLastOneEndsWithTheRecording() throws IOException {
        Counting whole = new Counting();
        RecordingWindows windows = windows("out.txt", OptionalLong.of(10 * SECOND));
        Recorder feed = windows.feeding(whole);

        // Ticks every second for 25 s, two stacks each.
        for (long tick = 0; tick <= 25; tick++) {
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        assertThat(read("out.1.txt")).isEqualTo("20");
        assertThat(read("out.2.txt")).isEqualTo("20");
        assertThat(read("out.3.txt")).isEqualTo("12");
        assertThat(dir.resolve("out.4.txt")).doesNotExist();
        assertThat(whole.count).isEqualTo(52);
        assertThat(err.toString()).isEqualTo(
                "pyspy4j> wrote '" + dir.resolve("out.1.txt") + "' (0.0 to 10.0 s of the recording: 20 stacks)\n"
                + "pyspy4j> wrote '" + dir.resolve("out.2.txt") + "' (10.0 to 20.0 s of the recording: 20 stacks)\n"
                + "pyspy4j> wrote '" + dir.resolve("out.3.txt") + "' (20.0 to 25.0 s of the recording: 12 stacks)\n");
    }

    @Test
    void withoutAPeriodTheFirstRequestWritesEverythingSoFarAndWindowsStartThere() throws IOException {
        Counting whole = new Counting();
        RecordingWindows windows = windows("out.txt", OptionalLong.empty());
        Recorder feed = windows.feeding(whole);

        for (long tick = 0; tick < 30; tick++) {
            if (tick == 10 || tick == 25) {
                windows.request();
            }
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        assertThat(read("out.1.txt")).as("ticks 0-9").isEqualTo("10");
        assertThat(read("out.2.txt")).as("ticks 10-24").isEqualTo("15");
        assertThat(read("out.3.txt")).as("ticks 25-29").isEqualTo("5");
        assertThat(err.toString()).startsWith(
                "pyspy4j> wrote '" + dir.resolve("out.1.txt") + "' (0.0 to 10.0 s of the recording)\n");
    }

    @Test
    void withoutAPeriodOrARequestNothingIsRecordedTwiceAndNoFileWritten() throws IOException {
        Counting whole = new Counting();
        RecordingWindows windows = windows("out.txt", OptionalLong.empty());
        Recorder feed = windows.feeding(whole);

        for (long tick = 0; tick < 5; tick++) {
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRequestWithStandardOutputAsTheOutputIsRefusedOnce() {
        RecordingWindows windows = windows("-", OptionalLong.empty());
        Recorder feed = windows.feeding(new Counting());

        for (long tick = 0; tick < 3; tick++) {
            windows.request();
            windows.beforeTick(tick * SECOND);
            feed.record(TRACE, tick * SECOND);
        }
        windows.finish();

        assertThat(err.toString()).isEqualTo("pyspy4j record: warning: no numbered file was written: they go"
                + " beside the output file, and '-' is not one\n");
    }

    @Test
    void numberedNamesPutTheNumberBeforeTheFormatsExtension() {
        OutputFile svg = OutputFile.prepare(dir.resolve("profile.svg").toString());
        OutputFile bare = OutputFile.prepare(dir.resolve("profile").toString());

        assertThat(svg.numberedName(3, "svg")).isEqualTo(dir.resolve("profile.3.svg").toString());
        assertThat(bare.numberedName(3, "svg")).isEqualTo(dir.resolve("profile.3").toString());
        assertThat(OutputFile.prepare(dir.resolve("p.pb.gz").toString()).numberedName(1, "pb.gz"))
                .isEqualTo(dir.resolve("p.1.pb.gz").toString());
    }

    private RecordingWindows windows(String name, OptionalLong periodNanos) {
        String output = name.equals("-") ? name : dir.resolve(name).toString();
        return new RecordingWindows(Counting::new, OutputFile.prepare(output), "txt", periodNanos, console);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** Writes how many stacks it was given. */
    private static final class Counting implements Recorder {
        long count;

        @Override
        public void record(StackTrace trace, long elapsedNanos) {
            count++;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(Long.toString(count).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String announce(String path) {
            return "wrote '" + path + "'";
        }
    }
}
