// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import dev.pyspy4j.python.asyncio.AsyncioReader;
import dev.pyspy4j.python.CPythonInterpreter;
import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.discovery.InterpreterScan;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.linetable.LineTableDecoder;
import dev.pyspy4j.python.linetable.LineTableDecoders;
import dev.pyspy4j.python.objects.ManagedDictStyle;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.CodeLayout;
import dev.pyspy4j.python.walk.CodeReader;
import dev.pyspy4j.python.walk.DepthLimit;
import dev.pyspy4j.python.walk.FrameObjectCollector;
import dev.pyspy4j.python.walk.GilLocator;
import dev.pyspy4j.python.walk.GilSwitches;
import dev.pyspy4j.python.walk.LocalsReader;
import dev.pyspy4j.python.walk.ThreadLayout;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.function.LongSupplier;

/**
 * CPython 2.7 and 3.3-3.10: heap {@code PyFrameObject}s linked from {@code tstate->frame}. Up to 3.6 the
 * interpreter list is the static {@code interp_head} and the GIL holder the {@code _PyThreadState_Current}
 * variable; from 3.7 both live in {@code _PyRuntime}. Line tables are {@code co_lnotab} (unsigned line increments
 * before 3.6) or, in 3.10, {@code co_linetable}; Python 2 keeps names in byte strings and its own dicts, 3.3-3.5
 * have PEP 412 key-sharing dicts and 3.6+ compact ones.
 */
final class FrameObjectFamily implements VersionFamily {
    private final int major;
    private final int minor;

    FrameObjectFamily(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    @Override
    public boolean supports(PythonVersion version) {
        return version.major() == major && version.minor() == minor;
    }

    @Override
    public String describe() {
        return major + "." + minor;
    }

    @Override
    public PythonInterpreter open(DiscoveredInterpreter found) {
        StructLayouts tables = StructLayouts.load(found.arch(), describe());
        RemoteReader reader = found.reader();
        ThreadLayout threads = ThreadLayout.classic(tables);
        boolean runtimeState = major == 3 && minor >= 7;
        LongSupplier interpreter;
        GilLocator gil;
        GilSwitches switches = null;
        if (runtimeState) {
            int head = tables.offset("_PyRuntimeState.interpreters.head");
            long runtime = found.locate("_PyRuntime",
                    new InterpreterScan.Shape(head, threads.threadsHead(), threads.interp()));
            interpreter = () -> reader.pointer(runtime + head);
            gil = GilLocator.runtimeThreadState(runtime + tables.offset("_PyRuntimeState.gilstate.tstate_current"));
            switches = GilSwitches.runtimeGil(runtime + tables.offset("_PyRuntimeState.ceval.gil"),
                    tables.offset("_gil_runtime_state.last_holder"), tables.offset("_gil_runtime_state.switch_number"));
        } else {
            long head = found.locate("interp_head", new InterpreterScan.Shape(0, threads.threadsHead(),
                    threads.interp()));
            interpreter = () -> reader.pointer(head);
            long current = found.symbolOrZero("_PyThreadState_Current");
            gil = current == 0 ? GilLocator.UNKNOWN : GilLocator.runtimeThreadState(current);
        }
        ThreadStateCollector collector = new ThreadStateCollector(threads,
                new FrameObjectCollector(tables, minor == 10 ? 2 : 1, DepthLimit.configured()), gil);
        ObjectReader objects = objects(reader, tables);
        CodeReader codes = new CodeReader(objects, CodeLayout.classic(tables), lineTables(),
                found.symbolOrZero("PyCode_Type"));
        return CPythonInterpreter.builder(found)
                .gilSwitches(switches)
                .interpreterAddress(interpreter)
                .collector(collector)
                .codes(codes)
                .objects(objects)
                .locals(new LocalsReader(objects, tables, tables.offset("PyFrameObject.f_localsplus"), 0))
                .asyncio(AsyncioReader.registryFactory(found.version(), objects, tables, null, codes.codeStart())
                        .orElse(null))
                .instructionIsPointer(false)
                .build();
    }

    private ObjectReader objects(RemoteReader reader, StructLayouts tables) {
        if (major == 2) {
            return ObjectReader.python2(reader, tables);
        }
        return minor < 6 ? ObjectReader.python3KeySharingDicts(reader, tables)
                : ObjectReader.python3(reader, tables, ManagedDictStyle.NONE);
    }

    /** Package-private so that a test can check which line increments each version decodes. */
    LineTableDecoder lineTables() {
        if (major == 3 && minor == 10) {
            return LineTableDecoders.linetable310();
        }
        // Before 3.6 the line increments of co_lnotab were unsigned (Objects/lnotab_notes.txt).
        return LineTableDecoders.lnotab(major == 3 && minor >= 6);
    }
}
