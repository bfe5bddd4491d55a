// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short file names and the thread and process pseudo-frames, added at the root end of a leaf-first stack. */
class TraceDecoratorTest {
    @TempDir
    Path root;

    private final StackTrace trace = thread(10, 0x7f00L, "worker", 11, true, false,
            frame("leaf", "/app/pkg/mod.py", 9), frame("main", "/app/main.py", 2));

    private FilenameShortener shortener() throws IOException {
        Files.createDirectories(root.resolve("app/pkg"));
        Files.createFile(root.resolve("app/pkg/__init__.py"));
        return FilenameShortener.seenBy(path -> root.resolve(path.substring(1)));
    }

    @Test
    void shortensEveryFileToItsPackagePart() throws IOException {
        StackTrace decorated = new TraceDecorator(shortener(), false).decorate(trace);

        assertThat(decorated.frames()).extracting(Frame::shortFilename).containsExactly("pkg/mod.py", "main.py");
        assertThat(decorated.frames()).extracting(Frame::filename).containsExactly("/app/pkg/mod.py", "/app/main.py");
        assertThat(decorated.threadName()).isEqualTo("worker");
    }

    @Test
    void fullFilenamesKeepThePaths() {
        StackTrace decorated = new TraceDecorator(FilenameShortener.keepingFullNames(), false).decorate(trace);

        assertThat(decorated.frames()).extracting(Frame::shortFilename)
                .containsExactly("/app/pkg/mod.py", "/app/main.py");
    }

    @Test
    void threadsAppendThePseudoFrameAtTheRoot() throws IOException {
        StackTrace decorated = new TraceDecorator(shortener(), true).decorate(trace);

        assertThat(decorated.frames()).extracting(Frame::name).containsExactly("leaf", "main", "thread (11): worker");
    }

    @Test
    void aStackOfAProcessTreeEndsInItsProcessThenItsAncestors() throws IOException {
        ProcessInfo parent = new ProcessInfo(9, "python app.py", null);
        StackTrace childTrace = trace.withProcessInfo(new ProcessInfo(10, "python w.py", parent));

        StackTrace decorated = new TraceDecorator(shortener(), true).decorate(childTrace);

        assertThat(decorated.frames()).extracting(Frame::name).containsExactly("leaf", "main", "thread (11): worker",
                "process 10:\"python w.py\"", "process 9:\"python app.py\"");
    }

    @Test
    void eachProcessLooksAtFilesThroughItsOwnShortener() throws IOException {
        FilenameShortener packages = shortener();
        TraceDecorator decorator = new TraceDecorator(pid -> pid == 10 ? packages
                : FilenameShortener.keepingFullNames(), false);

        StackTrace ofTen = decorator.decorate(trace);
        StackTrace ofTwelve = decorator.decorate(new StackTrace(12, 1, null, 12, true, false, trace.frames(), null));

        assertThat(ofTen.frames()).extracting(Frame::shortFilename).containsExactly("pkg/mod.py", "main.py");
        assertThat(ofTwelve.frames()).extracting(Frame::shortFilename)
                .containsExactly("/app/pkg/mod.py", "/app/main.py");
    }

    @Test
    void theSameFrameOfTheNextSampleIsDecoratedOnceAndStaysCorrect() throws IOException {
        TraceDecorator decorator = new TraceDecorator(shortener(), false);

        StackTrace first = decorator.decorate(trace);
        StackTrace second = decorator.decorate(trace);

        assertThat(second.frames().get(0)).isSameAs(first.frames().get(0));
        assertThat(second.frames()).extracting(Frame::shortFilename).containsExactly("pkg/mod.py", "main.py");
    }
}
