// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import dev.pyspy4j.engine.dump.DumpedProcess;
import dev.pyspy4j.engine.dump.ProcessDump;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a dump as py-spy's {@code dump} prints it: a process header, then each thread's stack, leaf first, with
 * each frame's arguments and locals under it when they were collected ({@code --locals}). A process tree
 * ({@code --subprocesses}) is written one process after the other, parents before children, separated by a line of
 * dashes as wide as py-spy's default terminal width; each child's header names its parent
 * ({@code Parent Process <pid>: <command line>}), and a process that could not be read says why in one line.
 */
public final class TextDumpRenderer {
    /** py-spy draws the separator across the terminal, whose width the console crate takes as 79 when unknown. */
    static final int SEPARATOR_WIDTH = 79;

    private final Palette palette;

    public TextDumpRenderer(Palette palette) {
        this.palette = palette;
    }

    public void render(ProcessDump dump, PrintWriter out) {
        render(dump, null, out);
    }

    /**
     * Writes the dump of a core file: the file first, then the process as {@link #render} writes it, except that a
     * thread's status says only whether it held the GIL, since a core keeps no thread's activity.
     */
    public void renderCore(ProcessDump dump, Path core, PrintWriter out) {
        line(out, "Core file: " + palette.executable(core.toString()));
        header(dump, null, out);
        List<StackTrace> traces = dump.traces();
        for (int i = traces.size() - 1; i >= 0; i--) {
            StackTrace trace = traces.get(i);
            renderThread(trace, trace.ownsGil() ? " (gil)" : "", out);
        }
    }

    /** Writes every process of a tree, in the order given (the root first). */
    public void renderTree(List<DumpedProcess> processes, PrintWriter out) {
        for (int i = 0; i < processes.size(); i++) {
            if (i > 0) {
                line(out, "");
                line(out, palette.faint("-".repeat(SEPARATOR_WIDTH)));
            }
            DumpedProcess process = processes.get(i);
            if (process.dump() != null) {
                render(process.dump(), process.process().parent(), out);
            } else {
                renderUnread(process, out);
            }
        }
    }

    private void renderUnread(DumpedProcess process, PrintWriter out) {
        line(out, "Process " + palette.id(Long.toString(process.process().pid())) + ": "
                + process.process().commandLine());
        line(out, process.failure().kind() == FailureKind.NOT_PYTHON
                ? palette.faint("Not Python") + " (" + palette.executable(process.executable()) + ")"
                : palette.faint("Not read: " + process.failure().getMessage()));
        renderParent(process.process().parent(), out);
    }

    private void render(ProcessDump dump, ProcessInfo parent, PrintWriter out) {
        header(dump, parent, out);
        List<StackTrace> traces = dump.traces();
        // The interpreter lists the newest thread first; the main thread reads best at the top.
        for (int i = traces.size() - 1; i >= 0; i--) {
            renderThread(traces.get(i), " (" + status(traces.get(i)) + ")", out);
        }
        if (dump.asyncio() != null) {
            new AsyncioTextRenderer(palette, out).render(dump.asyncio(), traces);
        }
    }

    private void header(ProcessDump dump, ProcessInfo parent, PrintWriter out) {
        String inNamespace = dump.namespacePid().isPresent()
                ? " (pid " + palette.id(Long.toString(dump.namespacePid().getAsLong())) + " in its namespace)" : "";
        line(out, "Process " + palette.id(Long.toString(dump.pid())) + inNamespace + ": "
                + String.join(" ", dump.commandLine()));
        line(out, "Python v" + palette.version(dump.version().toString())
                + " (" + palette.executable(dump.executable()) + ")");
        renderParent(parent, out);
        line(out, "");
    }

    private void renderParent(ProcessInfo parent, PrintWriter out) {
        if (parent != null) {
            line(out, "Parent Process " + palette.id(Long.toString(parent.pid())) + ": " + parent.commandLine());
        }
    }

    private void renderThread(StackTrace trace, String status, PrintWriter out) {
        String name = trace.threadName() == null ? "" : ": \"" + trace.threadName() + "\"";
        line(out, "Thread " + palette.id(threadId(trace)) + status + name);
        for (Frame frame : trace.frames()) {
            String location = palette.file(frame.displayFilename())
                    + (frame.line() != 0 ? ":" + palette.line(Integer.toString(frame.line())) : "");
            line(out, "    " + palette.function(frame.name()) + " (" + location + ")");
            if (frame.locals() != null) {
                renderLocals(frame.locals(), out);
            }
        }
    }

    /**
     * Arguments come first in a frame's slots, so each header is printed once, before the first variable of its
     * kind (py-spy's src/dump.rs); a value that could not be read shows as {@code ?}.
     */
    private void renderLocals(List<LocalVariable> locals, PrintWriter out) {
        renderLocals(palette, "", locals, out);
    }

    /** Writes a frame's arguments and locals, each line after {@code indent}. */
    static void renderLocals(Palette palette, String indent, List<LocalVariable> locals, PrintWriter out) {
        boolean argumentsShown = false;
        boolean localsShown = false;
        for (LocalVariable local : locals) {
            if (local.argument() && !argumentsShown) {
                line(out, indent + "        " + palette.heading("Arguments:"));
                argumentsShown = true;
            } else if (!local.argument() && !localsShown) {
                line(out, indent + "        " + palette.heading("Locals:"));
                localsShown = true;
            }
            line(out, indent + "            " + local.name() + ": " + (local.repr() == null ? "?" : local.repr()));
        }
    }

    /** The OS thread id, or the interpreter's {@code pthread_t} as {@code 0x...} in upper case (Rust's {@code #X}). */
    static String threadId(StackTrace trace) {
        return trace.hasOsThreadId()
                ? Long.toUnsignedString(trace.osThreadId())
                : "0x" + Long.toHexString(trace.threadId()).toUpperCase(Locale.ROOT);
    }

    static String status(StackTrace trace) {
        if (!trace.active()) {
            return "idle";
        }
        return trace.ownsGil() ? "active+gil" : "active";
    }

    /** A line ended by {@code \n} on every OS, as py-spy's {@code println!}. */
    private static void line(PrintWriter out, String text) {
        out.print(text);
        out.print('\n');
    }
}
