// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.dump.DumpedProcess;
import dev.pyspy4j.engine.dump.ProcessDump;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.PythonVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** py-spy's dump text, line by line. */
class TextDumpRendererTest {
    private static String render(Palette palette, StackTrace... traces) {
        return render(palette, OptionalLong.empty(), traces);
    }

    private static String render(Palette palette, OptionalLong namespacePid, StackTrace... traces) {
        ProcessDump dump = new ProcessDump(31, namespacePid, List.of("python3", "-c", "pass"), "/usr/bin/python3.11",
                PythonVersion.parse("3.12.0rc1"), List.of(), List.of(traces));
        StringWriter text = new StringWriter();
        new TextDumpRenderer(palette).render(dump, new PrintWriter(text));
        return text.toString();
    }

    private static StackTrace trace(String name, long osTid, boolean active, boolean gil, Frame... frames) {
        return new StackTrace(31, 0x7F53B2624B80L, name, osTid, active, gil, List.of(frames), null);
    }

    @Test
    void headerThenThreadsInReverseListOrder() {
        String text = render(Palette.PLAIN,
                trace("second", 33, true, false, Frame.python("b", "b.py", 2)),
                trace("first", 32, false, false, Frame.python("a", "a.py", 1)));

        assertThat(text).isEqualTo("""
                Process 31: python3 -c pass
                Python v3.12.0rc1 (/usr/bin/python3.11)

                Thread 32 (idle): "first"
                    a (a.py:1)
                Thread 33 (active): "second"
                    b (b.py:2)
                """);
    }

    @Test
    void aProcessInAPidNamespaceOfItsOwnShowsItsIdThereToo() {
        assertThat(render(Palette.PLAIN, OptionalLong.of(1), trace("t", 32, true, false)))
                .startsWith("Process 31 (pid 1 in its namespace): python3 -c pass\n");
    }

    @Test
    void unknownOsThreadIdShowsThePthreadIdInUpperCaseHex() {
        assertThat(render(Palette.PLAIN, trace("t", 0, true, true)))
                .endsWith("Thread 0x7F53B2624B80 (active+gil): \"t\"\n");
    }

    @Test
    void idleWinsOverHoldingTheGil() {
        assertThat(render(Palette.PLAIN, trace("t", 5, false, true))).endsWith("Thread 5 (idle): \"t\"\n");
    }

    @Test
    void unnamedThreadHasNoNameSuffix() {
        assertThat(render(Palette.PLAIN, trace(null, 5, true, false))).endsWith("\nThread 5 (active)\n");
    }

    @Test
    void frameWithoutLineShowsOnlyTheFile() {
        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, Frame.python("f", "<frozen x>", 0))))
                .endsWith("    f (<frozen x>)\n");
    }

    @Test
    void shortFilenameIsShownWhenKnown() {
        Frame frame = Frame.python("run", "/usr/lib/python3.11/threading.py", 975).withShortFilename("threading.py");
        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, frame))).endsWith("    run (threading.py:975)\n");
    }

    @Test
    void argumentsThenLocalsEachUnderOneHeading() {
        Frame frame = withLocals(Frame.python("sleeper", "t.py", 13),
                new LocalVariable("a", 0x10, true, "7"), new LocalVariable("b", 0x20, true, "\"hi\""),
                new LocalVariable("local_list", 0x30, false, "[1, 2.5, None, True]"),
                new LocalVariable("d", 0x40, false, "{\"k\": (1, 2)}"));

        String text = render(Palette.PLAIN,
                trace("MainThread", 5, false, false, frame, Frame.python("<module>", "t.py", 16)));

        assertThat(text).endsWith("""
                Thread 5 (idle): "MainThread"
                    sleeper (t.py:13)
                        Arguments:
                            a: 7
                            b: "hi"
                        Locals:
                            local_list: [1, 2.5, None, True]
                            d: {"k": (1, 2)}
                    <module> (t.py:16)
                """);
    }

    @Test
    void onlyLocalsHaveNoArgumentsHeading() {
        Frame frame = withLocals(Frame.python("f", "t.py", 3), new LocalVariable("x", 0x10, false, "1"));

        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, frame)))
                .endsWith("    f (t.py:3)\n        Locals:\n            x: 1\n");
    }

    @Test
    void onlyArgumentsHaveNoLocalsHeading() {
        Frame frame = withLocals(Frame.python("f", "t.py", 3), new LocalVariable("x", 0x10, true, "1"));

        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, frame)))
                .endsWith("    f (t.py:3)\n        Arguments:\n            x: 1\n");
    }

    @Test
    void emptyLocalsPrintNoHeading() {
        Frame frame = withLocals(Frame.python("f", "t.py", 3));

        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, frame))).endsWith("\"t\"\n    f (t.py:3)\n");
    }

    @Test
    void unreadableValueIsAQuestionMark() {
        Frame frame = withLocals(Frame.python("f", "t.py", 3), new LocalVariable("x", 0x10, false, null));

        assertThat(render(Palette.PLAIN, trace("t", 5, true, false, frame))).endsWith("            x: ?\n");
    }

    @Test
    void headingsAreDimOnATerminal() {
        Frame frame = withLocals(Frame.python("f", "t.py", 3), new LocalVariable("a", 0x10, true, "1"),
                new LocalVariable("x", 0x20, false, "2"));

        assertThat(render(Palette.ANSI, trace("t", 5, true, false, frame)))
                .endsWith("        \u001b[2mArguments:\u001b[0m\n            a: 1\n"
                        + "        \u001b[2mLocals:\u001b[0m\n            x: 2\n");
    }

    private static Frame withLocals(Frame frame, LocalVariable... locals) {
        return new Frame(frame.name(), frame.filename(), null, null, frame.line(), List.of(locals), false, false);
    }

    @Test
    void noThreadsLeavesTheHeader() {
        assertThat(render(Palette.PLAIN)).isEqualTo("Process 31: python3 -c pass\n"
                + "Python v3.12.0rc1 (/usr/bin/python3.11)\n\n");
    }

    @Test
    void coloursEachPartAsPySpy() {
        String text = render(Palette.ANSI, trace("t", 5, true, false, Frame.python("f", "f.py", 9)));

        assertThat(text).isEqualTo("Process \u001b[33m\u001b[1m31\u001b[0m: python3 -c pass\n"
                + "Python v\u001b[1m3.12.0rc1\u001b[0m (\u001b[2m/usr/bin/python3.11\u001b[0m)\n\n"
                + "Thread \u001b[33m\u001b[1m5\u001b[0m (active): \"t\"\n"
                + "    \u001b[32mf\u001b[0m (\u001b[36mf.py\u001b[0m:\u001b[2m9\u001b[0m)\n");
    }

    @Test
    void aProcessTreeListsEveryProcessWithItsParentAndSaysWhyOneWasNotRead() {
        ProcessInfo app = new ProcessInfo(40, "python app.py", null);
        ProcessInfo shell = new ProcessInfo(41, "sh -c python w.py", app);
        ProcessInfo worker = new ProcessInfo(42, "python w.py", shell);
        ProcessInfo denied = new ProcessInfo(43, "setuid-helper", app);
        PythonVersion version = PythonVersion.parse("3.12.1");
        List<DumpedProcess> tree = List.of(
                DumpedProcess.read(app, new ProcessDump(40, OptionalLong.empty(), List.of("python", "app.py"), "/usr/bin/python3.12",
                        version, List.of(), List.of(new StackTrace(40, 1, "MainThread", 40, false, false,
                                List.of(Frame.python("main", "app.py", 3)), app)))),
                DumpedProcess.failed(shell, "/usr/bin/dash", new SpyException(FailureKind.NOT_PYTHON, "no python")),
                DumpedProcess.read(worker, new ProcessDump(42, OptionalLong.empty(), List.of("python", "w.py"), "/usr/bin/python2.7",
                        PythonVersion.parse("2.7.18"), List.of(), List.of(new StackTrace(42, 2, null, 42, true, true,
                                List.of(Frame.python("spin", "w.py", 5)), worker)))),
                DumpedProcess.failed(denied, "", new SpyException(FailureKind.PERMISSION_DENIED, "cannot attach")));
        StringWriter text = new StringWriter();

        new TextDumpRenderer(Palette.PLAIN).renderTree(tree, new PrintWriter(text));

        String separator = "-".repeat(79);
        assertThat(text.toString()).isEqualTo("""
                Process 40: python app.py
                Python v3.12.1 (/usr/bin/python3.12)

                Thread 40 (idle): "MainThread"
                    main (app.py:3)

                %1$s
                Process 41: sh -c python w.py
                Not Python (/usr/bin/dash)
                Parent Process 40: python app.py

                %1$s
                Process 42: python w.py
                Python v2.7.18 (/usr/bin/python2.7)
                Parent Process 41: sh -c python w.py

                Thread 42 (active+gil)
                    spin (w.py:5)

                %1$s
                Process 43: setuid-helper
                Not read: cannot attach
                Parent Process 40: python app.py
                """.formatted(separator));
    }

    @Test
    void aDumpedProcessHasEitherStacksOrAFailure() {
        ProcessInfo app = new ProcessInfo(40, "python app.py", null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DumpedProcess(app, "/bin/sh", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
