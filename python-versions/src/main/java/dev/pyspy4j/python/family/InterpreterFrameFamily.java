// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import dev.pyspy4j.python.asyncio.AsyncioReader;
import dev.pyspy4j.python.CPythonInterpreter;
import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.discovery.InterpreterScan;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.linetable.LineTableDecoders;
import dev.pyspy4j.python.objects.ManagedDictStyle;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.ChunkLayout;
import dev.pyspy4j.python.walk.CodeLayout;
import dev.pyspy4j.python.walk.CodeReader;
import dev.pyspy4j.python.walk.DepthLimit;
import dev.pyspy4j.python.walk.FrameLayout;
import dev.pyspy4j.python.walk.GilLocator;
import dev.pyspy4j.python.walk.GilSwitches;
import dev.pyspy4j.python.walk.InterpreterFrameCollector;
import dev.pyspy4j.python.walk.LocalsReader;
import dev.pyspy4j.python.walk.ThreadLayout;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.function.Function;

/**
 * CPython 3.11 and 3.12: {@code _PyInterpreterFrame}s in per-thread data-stack chunks, reached through
 * {@code tstate->cframe->current_frame}, with PEP 657 location tables. 3.11 flags entry frames and finds the GIL
 * holder in {@code _PyRuntime.gilstate}; 3.12 pushes shim frames and gives each interpreter its own GIL.
 */
final class InterpreterFrameFamily implements VersionFamily {
    private final int minor;
    private final Function<StructLayouts, FrameLayout> frames;
    private final ManagedDictStyle managedDicts;

    private InterpreterFrameFamily(int minor, Function<StructLayouts, FrameLayout> frames,
                                   ManagedDictStyle managedDicts) {
        this.minor = minor;
        this.frames = frames;
        this.managedDicts = managedDicts;
    }

    static InterpreterFrameFamily v311() {
        return new InterpreterFrameFamily(11, FrameLayout::v311, ManagedDictStyle.VALUES_BEFORE_HEADER);
    }

    static InterpreterFrameFamily v312() {
        return new InterpreterFrameFamily(12, FrameLayout::v312, ManagedDictStyle.TAGGED_WORD);
    }

    @Override
    public boolean supports(PythonVersion version) {
        return version.major() == 3 && version.minor() == minor;
    }

    @Override
    public String describe() {
        return "3." + minor;
    }

    @Override
    public PythonInterpreter open(DiscoveredInterpreter found) {
        StructLayouts tables = StructLayouts.load(found.arch(), describe());
        RemoteReader reader = found.reader();
        ThreadLayout threads = ThreadLayout.viaCFrame(tables);
        long runtime = found.locate("_PyRuntime", new InterpreterScan.Shape(
                tables.offset("_PyRuntimeState.interpreters.head"), threads.threadsHead(), threads.interp()));
        GilLocator gil = tables.has("_PyRuntimeState.gilstate.tstate_current")
                ? GilLocator.runtimeThreadState(runtime + tables.offset("_PyRuntimeState.gilstate.tstate_current"))
                : GilLocator.interpreterGil(tables.offset("PyInterpreterState.ceval.gil"),
                        tables.offset("_gil_runtime_state.locked"), tables.offset("_gil_runtime_state.last_holder"));
        int lastHolder = tables.offset("_gil_runtime_state.last_holder");
        int switchNumber = tables.offset("_gil_runtime_state.switch_number");
        GilSwitches switches = tables.has("_PyRuntimeState.ceval.gil")
                ? GilSwitches.runtimeGil(runtime + tables.offset("_PyRuntimeState.ceval.gil"), lastHolder, switchNumber)
                : GilSwitches.interpreterGil(tables.offset("PyInterpreterState.ceval.gil"), lastHolder, switchNumber);
        FrameLayout frameLayout = frames.apply(tables);
        ThreadStateCollector collector = new ThreadStateCollector(threads,
                new InterpreterFrameCollector(threads, frameLayout, ChunkLayout.of(tables),
                        DepthLimit.configured()), gil);
        ObjectReader objects = ObjectReader.python3(reader, tables, managedDicts);
        CodeReader codes = new CodeReader(objects, CodeLayout.modern(tables), LineTableDecoders.locationTable(),
                found.symbolOrZero("PyCode_Type"));
        int interpreters = tables.offset("_PyRuntimeState.interpreters.head");
        return CPythonInterpreter.builder(found)
                .gilSwitches(switches)
                .interpreterAddress(() -> reader.pointer(runtime + interpreters))
                .collector(collector)
                .codes(codes)
                .objects(objects)
                .locals(new LocalsReader(objects, tables, tables.offset("_PyInterpreterFrame.localsplus"), 0))
                .asyncio(AsyncioReader.registryFactory(found.version(), objects, tables, frameLayout,
                        codes.codeStart()).orElse(null))
                .instructionIsPointer(true)
                .build();
    }
}
