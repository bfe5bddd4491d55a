// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge of a thread's native and Python stacks, rule by rule. */
class StackMergeTest {
    private static final String LIBPYTHON = "/opt/py/lib/libpython3.12.so.1.0";
    private static final String PYTHON = "/opt/py/bin/python3.12";
    private static final String STATIC_PYTHON = "/usr/bin/python3.11";
    private static final String LIBC = "/lib/x86_64-linux-gnu/libc.so.6";
    private static final String EXTENSION = "/app/fast.cpython-312-x86_64-linux-gnu.so";

    private final StackMerge merge = new StackMerge(InterpreterBinaries.of(LIBPYTHON, PYTHON));
    private final List<NativeCall> calls = new ArrayList<>();
    private long nextAddress = 0x7f0000001000L;

    private StackMergeTest call(String module, String function) {
        long address = nextAddress;
        nextAddress += 0x100;
        calls.add(new NativeCall(address, new NativeSymbol(address - 1, module, function, function, null, 0)));
        return this;
    }

    private StackMergeTest evaluation() {
        return call(LIBPYTHON, "_PyEval_EvalFrameDefault");
    }

    private static Frame python(String name) {
        return Frame.python(name, "/app/" + name + ".py", 1);
    }

    private static Frame entry(String name) {
        return new Frame(name, "/app/" + name + ".py", null, null, 1, null, true, false);
    }

    private static Frame shimEntry(String name) {
        return python(name).withShimEntry(true);
    }

    private MergedStack mergeWith(Frame... pythonLeafFirst) {
        return merge.merge(List.of(pythonLeafFirst), calls, false);
    }

    /** The same, for a native unwind that ended before the outermost frame. */
    private MergedStack mergeCutWith(Frame... pythonLeafFirst) {
        return merge.merge(List.of(pythonLeafFirst), calls, true);
    }

    private static List<String> names(MergedStack merged) {
        assertThat(merged.matched()).as("merged, not %s", merged.mismatch()).isTrue();
        return merged.frames().stream().map(Frame::name).toList();
    }

    @Test
    void upTo310EveryEvaluationCallRanOneFrame() {
        call(LIBC, "clock_nanosleep").call(LIBPYTHON, "time_sleep").evaluation()
                .call(LIBPYTHON, "_PyFunction_Vectorcall").evaluation()
                .call(LIBPYTHON, "PyEval_EvalCode").evaluation()
                .call(LIBPYTHON, "Py_RunMain").call(PYTHON, "main")
                .call(LIBC, "__libc_start_call_main").call(LIBC, "__libc_start_main").call(PYTHON, "_start");

        MergedStack merged = mergeWith(entry("leaf"), entry("middle"), entry("outer").withShimEntry(true));

        assertThat(names(merged)).containsExactly("clock_nanosleep", "time_sleep", "leaf", "middle", "outer");
    }

    @Test
    void from311OneEvaluationCallRunsFramesUpToTheEntryFrame() {
        evaluation().call(EXTENSION, "fast_call_back").call(LIBPYTHON, "PyObject_Call").evaluation()
                .call(LIBPYTHON, "Py_RunMain");

        MergedStack merged = mergeWith(python("inner"), entry("callback"), python("caller"),
                shimEntry("module"));

        assertThat(names(merged)).containsExactly("inner", "callback", "fast_call_back", "caller", "module");
    }

    @Test
    void from312ShimEntriesEndWhatOneEvaluationCallRan() {
        call(EXTENSION, "spin").evaluation().call(EXTENSION, "fast_call_back").evaluation();

        MergedStack merged = mergeWith(python("worker"), shimEntry("run"), python("helper"), shimEntry("module"));

        assertThat(names(merged)).containsExactly("spin", "worker", "run", "fast_call_back", "helper", "module");
    }

    @Test
    void theEvaluationLoopIsKnownByItsFirstTwoWordsIn27AndInColdParts() {
        call(LIBPYTHON, "_PyEval_EvalFrameDefault.cold.1").call(LIBPYTHON, "PyEval_EvalFrame")
                .call(LIBPYTHON, "PyEval_EvalFrameEx").call(LIBPYTHON, "_PyEvalFramePushAndInit");

        MergedStack merged = mergeWith(entry("leaf"), entry("outer").withShimEntry(true));

        assertThat(names(merged)).containsExactly("leaf", "outer");
    }

    @Test
    void interpreterFramesThatSayWhatAThreadWaitsForStayAndOtherInternalsGo() {
        call(LIBC, "futex_wait").call(LIBPYTHON, "PyThread_acquire_lock_timed")
                .call(LIBPYTHON, "lock_PyThread_acquire_lock")
                .call(LIBPYTHON, "_PyObject_MakeTpCall").call(LIBPYTHON, null).call(LIBPYTHON, "gc_collect_main")
                .call(LIBPYTHON, "sys_settrace").call(LIBPYTHON, "thread_run").call(LIBPYTHON, "PyGilState_Ensure")
                .call(LIBPYTHON, "os_read").call(LIBPYTHON, "unicode_encode").call(LIBPYTHON, "sre_search")
                .call(LIBPYTHON, "stringio_write").call(LIBPYTHON, "PyObject_Vectorcall").evaluation();

        MergedStack merged = mergeWith(shimEntry("main"));

        assertThat(names(merged)).containsExactly("futex_wait", "PyThread_acquire_lock_timed",
                "lock_PyThread_acquire_lock", "gc_collect_main", "sys_settrace", "thread_run", "PyGilState_Ensure",
                "os_read", "unicode_encode", "sre_search", "stringio_write", "main");
    }

    @Test
    void anExecutableInterpreterHidesItsOwnInternalsToo() {
        StackMerge statically = new StackMerge(InterpreterBinaries.of(STATIC_PYTHON, STATIC_PYTHON));
        call(STATIC_PYTHON, "time_sleep").call(STATIC_PYTHON, "_PyEval_EvalFrameDefault")
                .call(STATIC_PYTHON, "Py_BytesMain");

        MergedStack merged = statically.merge(List.of(shimEntry("main")), calls, false);

        assertThat(names(merged)).containsExactly("time_sleep", "main");
    }

    @Test
    void theCLibraryStartUpFramesAreDropped() {
        call(LIBC, "pthread_cond_wait").call(EXTENSION, "worker").call(LIBC, "start_thread").call(LIBC, "__clone3")
                .call(LIBC, "__clone").call(LIBC, "clone3").call(LIBC, "clone");

        assertThat(names(mergeWith())).containsExactly("pthread_cond_wait", "worker");
    }

    @Test
    void aThreadWithoutPythonFramesShowsItsNativeStack() {
        call(LIBC, "read").call(EXTENSION, "poll_device").call(EXTENSION, null).call(LIBC, "start_thread");

        MergedStack merged = mergeWith();

        assertThat(names(merged)).containsExactly("read", "poll_device",
                "0x" + Long.toHexString(calls.get(2).address()));
    }

    @Test
    void aNativeUnwindCutShortOfTheInterpreterPutsThePythonFramesUnderTheNativeOnes() {
        call(EXTENSION, "spin").call(EXTENSION, null);

        MergedStack merged = mergeCutWith(entry("caller"), shimEntry("module"));

        assertThat(names(merged)).containsExactly("spin", "0x" + Long.toHexString(calls.get(1).address()), "caller",
                "module");
    }

    @Test
    void aCompleteNativeStackWithoutEvaluationCallsIsAMismatch() {
        // A stripped interpreter whose evaluation loop runs in an unnamed cold part: the unwind went through it.
        call(EXTENSION, "spin").call(LIBPYTHON, null).call(LIBC, "__libc_start_call_main");

        MergedStack merged = mergeWith(entry("caller"), shimEntry("module"));

        assertThat(merged.mismatchReason()).hasValue("the native stack has evaluation calls for 0 of 2 Python frames");
    }

    @Test
    void anUnnamedInterpreterFrameHoldingTheEntryRecordOnItsStackIsTheEvaluationCall() {
        // A stripped 3.12+ interpreter: its evaluation loop runs in a cold part no symbol names, but the shim it
        // pushed for the frames it ran lies in its part of the C stack.
        long shim = 0x7ffd_0000_0480L;
        calls.add(new NativeCall(0x1000, new NativeSymbol(0x1000, EXTENSION, "spin", "spin", null, 0),
                new StackRange(0x7ffd_0000_0400L, 0x7ffd_0000_0440L)));
        calls.add(new NativeCall(0x2000, NativeSymbol.unnamed(0x1fff, LIBPYTHON),
                new StackRange(0x7ffd_0000_0440L, 0x7ffd_0000_0460L)));
        calls.add(new NativeCall(0x3000, NativeSymbol.unnamed(0x2fff, LIBPYTHON),
                new StackRange(0x7ffd_0000_0460L, 0x7ffd_0000_0600L)));
        calls.add(new NativeCall(0x4000, new NativeSymbol(0x3fff, LIBPYTHON, "PyEval_EvalCode", "PyEval_EvalCode",
                null, 0), new StackRange(0x7ffd_0000_0600L, 0)));
        Frame caller = new Frame("caller", "/app/caller.py", null, null, 1, null, false, false);
        Frame module = new Frame("module", "/app/module.py", null, null, 1, null, true, true, shim);

        assertThat(names(mergeWith(caller, module))).containsExactly("spin", "caller", "module");
        Frame elsewhere = new Frame("module", "/app/module.py", null, null, 1, null, true, true, 0x5000);
        assertThat(mergeWith(caller, elsewhere).matched()).as("a record on no frame's stack").isFalse();
    }

    @Test
    void onlyTheOutermostPythonFrameLeftOverIsAcceptedWhenTheUnwindWasCut() {
        call(EXTENSION, "spin").evaluation();

        assertThat(names(mergeCutWith(entry("caller"), shimEntry("module")))).containsExactly("spin", "caller",
                "module");
        assertThat(mergeWith(entry("caller"), shimEntry("module")).matched()).as("after a complete unwind").isFalse();
    }

    @Test
    void oneEvaluationCallMoreThanThePythonFramesIsAccepted() {
        evaluation().call(EXTENSION, "call_back").evaluation();

        assertThat(names(mergeWith(shimEntry("module")))).containsExactly("module", "call_back");
    }

    @Test
    void morePythonFramesLeftOverIsAMismatch() {
        evaluation();

        MergedStack merged = mergeWith(entry("a"), entry("b"), shimEntry("c"));

        assertThat(merged.matched()).isFalse();
        assertThat(merged.frames()).isNull();
        assertThat(merged.mismatchReason()).hasValue("the native stack has evaluation calls for 1 of 3 Python frames");
    }

    @Test
    void twoEvaluationCallsMoreThanThePythonFramesIsAMismatch() {
        evaluation().evaluation().evaluation();

        MergedStack merged = mergeWith(shimEntry("module"));

        assertThat(merged.mismatchReason())
                .hasValue("the native stack has 2 more evaluation calls than the Python stack explains");
    }

    @Test
    void cythonHelpersAreDroppedAndCythonNamesMadeReadable() {
        call(EXTENSION, "__pyx_pf_7example_3Foo_bar").call(EXTENSION, "__Pyx_PyObject_Call")
                .call(EXTENSION, "__pyx_pw_7example_3Foo_1bar").call(EXTENSION, "__Pyx_PyFunction_FastCallDict")
                .call(EXTENSION, "__Pyx_PyObject_CallOneArg").call(EXTENSION, "__pyx_FusedFunction_call")
                .call(EXTENSION, "__pyx_f_7example_helper").evaluation();

        assertThat(names(mergeWith(shimEntry("main")))).containsExactly("bar", "bar", "helper", "main");
    }

    @Test
    void aNativeFrameNamesItsBinaryAsModuleAndItsSourceWhenDebugInformationHasIt() {
        long withLine = 0x5000;
        calls.add(new NativeCall(withLine, new NativeSymbol(withLine - 1, EXTENSION, "spin", "spin",
                "/src/fast.c", 42)));
        call(LIBC, "clone_helper");
        long nowhere = 0x9000;
        calls.add(new NativeCall(nowhere, NativeSymbol.unnamed(nowhere - 1, null)));

        List<Frame> frames = mergeWith().frames();

        assertThat(frames.get(0)).isEqualTo(new Frame("spin", "/src/fast.c", EXTENSION, null, 42, null, false, false));
        assertThat(frames.get(1)).isEqualTo(new Frame("clone_helper", LIBC, LIBC, null, 0, null, false, false));
        assertThat(frames.get(2)).isEqualTo(new Frame("0x9000", "?", "?", null, 0, null, false, false));
    }

    @Test
    void pythonFramesAreKeptAsTheInterpreterReportedThem() {
        evaluation();
        Frame frame = new Frame("main", "/app/main.py", null, null, 7, List.of(), true, true);

        assertThat(mergeWith(frame).frames()).containsExactly(frame);
    }

    @Test
    void anyLibpythonCountsAsTheInterpreter() {
        StackMerge other = new StackMerge(InterpreterBinaries.of("/usr/bin/python3.13", "/usr/bin/python3.13"));
        call("/usr/lib/x86_64-linux-gnu/libpython3.13.so.1.0", "_PyEval_EvalFrameDefault")
                .call("/usr/lib/x86_64-linux-gnu/libpython3.13.so.1.0", "_PyObject_Call");

        assertThat(names(other.merge(List.of(shimEntry("main")), calls, false))).containsExactly("main");
    }
}
