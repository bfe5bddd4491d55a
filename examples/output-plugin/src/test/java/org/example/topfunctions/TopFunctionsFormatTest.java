// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package org.example.topfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopFunctionsFormatTest {
    private static final Frame MAIN = Frame.python("main", "app.py", 10);
    private static final Frame WORK = Frame.python("work", "app.py", 3);
    private static final Frame WAIT = Frame.python("wait", "io.py", 7);

    @Test
    void ranksFunctionsByTheSamplesTheyRanIn() throws IOException {
        Recorder recorder = new TopFunctionsFormat().newRecorder(settings(true));
        recorder.record(stack(WORK, MAIN), 0);
        recorder.record(stack(WORK, MAIN), 10);
        recorder.record(stack(WORK, MAIN), 20);
        recorder.record(stack(WAIT, MAIN), 30);

        assertEquals("""
                # python app.py
                # 4 samples at 100 samples/s, by pyspy4j test
                   own%  total%  function
                  75.00   75.00  work (app.py)
                  25.00   25.00  wait (io.py)
                   0.00  100.00  main (app.py)
                """, written(recorder));
    }

    @Test
    void aRecursiveFunctionCountsOncePerSampleWhicheverLinesItIsAt() throws IOException {
        Recorder recorder = new TopFunctionsFormat().newRecorder(settings(false));
        recorder.record(stack(WORK, Frame.python("work", "app.py", 4), WORK, MAIN), 0);

        assertEquals("""
                # python app.py
                # 1 samples at 100 samples/s, by pyspy4j test
                   own%  total%  function
                 100.00  100.00  work (app.py)
                   0.00  100.00  main (app.py)
                """, written(recorder));
    }

    @Test
    void listsOnlyTheHottestFunctions() throws IOException {
        Recorder recorder = new TopFunctionsFormat().newRecorder(settings(true));
        for (int i = 0; i < TopFunctionsFormat.ROWS + 5; i++) {
            recorder.record(stack(Frame.python("f" + i, "many.py", i + 1)), i);
        }

        assertEquals(3 + TopFunctionsFormat.ROWS, written(recorder).lines().count());
    }

    @Test
    void aMultiLineCommandStaysOneHeaderLine() throws IOException {
        Recorder recorder = new TopFunctionsFormat().newRecorder(
                new OutputSettings("python -c import time\ntime.sleep(1)", 100, true, "pyspy4j test"));

        assertEquals("# python -c import time time.sleep(1)", written(recorder).lines().findFirst().orElseThrow());
    }

    private static OutputSettings settings(boolean lineNumbers) {
        return new OutputSettings("python app.py", 100, lineNumbers, "pyspy4j test");
    }

    private static StackTrace stack(Frame... leafFirst) {
        return new StackTrace(1, 1, "MainThread", 1, true, true, List.of(leafFirst), null);
    }

    private static String written(Recorder recorder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recorder.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
