// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeCPython311.FrameSpec;
import dev.pyspy4j.python.fake.FakeCPython311;
import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.walk.DepthLimit;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fake 3.11 process with one thread deeper than the default cap: a whole sample still comes back. */
class DeepStackWalkTest {
    private static final long DEEP = 0x7f00_0000_1000L;
    private static final long SHALLOW = 0x7f00_0000_2000L;
    private static final int DEPTH = DepthLimit.DEFAULT_MAX_FRAMES + 808;

    @Test
    void theDeepThreadKeepsItsInnermostFramesUnderAMarkerAndTheOtherThreadIsWhole() {
        FakeCPython311 python = new FakeCPython311();
        long recurse = python.code("recurse", "/app/deep.py", 5, new int[] {4, 6});
        long leaf = python.code("leaf", "/app/deep.py", 1, new int[] {4, 2});
        long wait = python.code("wait", "/app/deep.py", 10, new int[] {4, 11});
        FrameSpec[] frames = new FrameSpec[DEPTH];
        frames[0] = new FrameSpec(leaf, 1, false, false);
        for (int i = 1; i < DEPTH; i++) {
            frames[i] = new FrameSpec(recurse, 1, i == DEPTH - 1, false);
        }
        python.thread(DEEP, 100, "Deep", frames).thread(SHALLOW, 101, "Shallow", new FrameSpec(wait, 1, true, false));
        FakeHeap heap = python.build();
        FakeTarget target = FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", FakeCPython311.PY_VERSION, "PyCode_Type", heap.codeType()));
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);

        List<StackTrace> traces = interpreter.sample(SampleRequest.stacks(false, null)).traces();

        assertThat(traces).extracting(StackTrace::threadName).containsExactly("Shallow", "Deep");
        assertThat(traces.get(0).frames()).extracting(Frame::name).containsExactly("wait");
        List<Frame> deep = traces.get(1).frames();
        assertThat(deep).hasSize(DepthLimit.DEFAULT_MAX_FRAMES + 1);
        assertThat(deep.get(0).name()).isEqualTo("leaf");
        assertThat(deep.subList(1, DepthLimit.DEFAULT_MAX_FRAMES)).extracting(Frame::name)
                .containsExactlyElementsOf(Collections.nCopies(DepthLimit.DEFAULT_MAX_FRAMES - 1, "recurse"));
        Frame marker = deep.get(DepthLimit.DEFAULT_MAX_FRAMES);
        assertThat(marker.name()).isEqualTo("<808 outer frames cut>");
        assertThat(marker.filename()).isEqualTo("<pyspy4j>");
        assertThat(marker.line()).isZero();
        assertThat(marker.shimEntry()).as("the outermost frame closes the stack").isTrue();
    }
}
