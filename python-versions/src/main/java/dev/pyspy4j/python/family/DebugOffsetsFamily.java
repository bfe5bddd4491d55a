// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import dev.pyspy4j.python.asyncio.AsyncioReader;
import dev.pyspy4j.python.CPythonInterpreter;
import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.python.discovery.InterpreterScan;
import dev.pyspy4j.python.layout.DebugOffsets;
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
import dev.pyspy4j.python.walk.ThreadLocalBytecode;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CPython 3.13 and later, driven by the target's own {@code _Py_DebugOffsets}: the generated table of the same
 * minor (or of the newest minor known, for a future release) says where each field of the debug offsets sits and
 * supplies what they do not describe; the values the target carries win. Frames hang directly off the thread
 * state; from 3.14 their code reference is a tagged {@code _PyStackRef}. A free-threaded build (the table's
 * {@code free_threaded} flag) is read through the generated table of its own kind.
 */
final class DebugOffsetsFamily implements VersionFamily {
    /** The newest minor version with a generated table; later ones are read through its shape. */
    static final int NEWEST_KNOWN_MINOR = 15;
    private static final int FIRST_MINOR = 13;
    private static final int FIRST_TAGGED_MINOR = 14;
    /** The suffix of a free-threaded build's table, as in CPython's own {@code python3.13t}. */
    private static final String FREE_THREADED = "t";
    /** {@code _PyStackRef} tag bits ({@code Py_TAG_BITS}; objects are at least 8-aligned, so clearing 2 is safe). */
    private static final long STACKREF_TAG_MASK = 3;

    @Override
    public boolean supports(PythonVersion version) {
        return version.major() == 3 && version.minor() >= FIRST_MINOR;
    }

    @Override
    public String describe() {
        return "3." + FIRST_MINOR + "+";
    }

    @Override
    public PythonInterpreter open(DiscoveredInterpreter found) {
        PythonVersion version = found.version();
        RemoteReader reader = found.reader();
        // The debug offsets describe where fields are, but not the shape of the table itself nor of what they
        // leave out: that still comes from the architecture's generated table.
        Optional<StructLayouts> exact = StructLayouts.find(found.arch(), version.minorVersion());
        StructLayouts base = exact.orElseGet(() -> StructLayouts.load(found.arch(), "3." + NEWEST_KNOWN_MINOR));
        long runtime = found.locate("_PyRuntime", new InterpreterScan.Shape(
                base.offset("_PyRuntimeState.interpreters.head"), base.offset("PyInterpreterState.threads.head"),
                base.offset("PyThreadState.interp")));
        boolean freeThreaded = DebugOffsets.readFreeThreaded(reader, runtime);
        if (freeThreaded) {
            // A free-threaded build's object header is two words longer and several structs differ: it has
            // tables of its own, and reading it through the default build's would misplace nearly every field.
            base = StructLayouts.find(found.arch(), version.minorVersion() + FREE_THREADED)
                    .orElseThrow(() -> noFreeThreadedTable(found));
            exact = Optional.of(base);
        }
        DebugOffsets offsets = DebugOffsets.read(reader, runtime, base);
        StructLayouts tables = offsets.overlay(base);
        ThreadLayout threads = ThreadLayout.direct(tables);
        FrameLayout frames = FrameLayout.v313(tables, version.minor() >= FIRST_TAGGED_MINOR ? STACKREF_TAG_MASK : 0);
        GilLocator gil = GilLocator.interpreterGil(tables.offset("PyInterpreterState.ceval.gil"),
                tables.offset("_gil_runtime_state.locked"), tables.offset("_gil_runtime_state.last_holder"));
        ThreadStateCollector collector = new ThreadStateCollector(threads,
                new InterpreterFrameCollector(threads, frames, ChunkLayout.of(tables), DepthLimit.configured(),
                        ThreadLocalBytecode.of(tables)), gil);
        ObjectReader objects = ObjectReader.python3(reader, tables,
                freeThreaded ? ManagedDictStyle.INLINE_VALUES_FREE_THREADED : ManagedDictStyle.INLINE_VALUES);
        CodeReader codes = new CodeReader(objects, CodeLayout.modern(tables), LineTableDecoders.locationTable(),
                found.symbolOrZero("PyCode_Type"));
        int interpreters = tables.offset("_PyRuntimeState.interpreters.head");
        CPythonInterpreter.Builder builder = CPythonInterpreter.builder(found)
                .gilSwitches(exact.isEmpty() || freeThreaded ? null
                        // the debug offsets do not name the switch count: only a table of this very minor does
                        : GilSwitches.interpreterGil(tables.offset("PyInterpreterState.ceval.gil"),
                                tables.offset("_gil_runtime_state.last_holder"),
                                tables.offset("_gil_runtime_state.switch_number")))
                .interpreterAddress(() -> reader.pointer(runtime + interpreters))
                .collector(collector)
                .codes(codes)
                .objects(objects)
                .locals(new LocalsReader(objects, tables, tables.offset("_PyInterpreterFrame.localsplus"), frames.tagMask()))
                .asyncio(asyncio(found, offsets, objects, tables, frames, codes.codeStart()))
                .instructionIsPointer(true)
                .freeThreaded(freeThreaded);
        if (exact.isEmpty()) {
            builder.warning("Python " + version + " is newer than any version pyspy4j was built for (3."
                    + NEWEST_KNOWN_MINOR + "); reading it through its own _Py_DebugOffsets");
        }
        return builder.build();
    }

    /**
     * 3.13 keeps its tasks in the registries of {@code asyncio.tasks}; 3.14+ describe where they are in their
     * asyncio debug offsets, and where a coroutine keeps its frame in {@code _Py_DebugOffsets.gen_object}.
     */
    private static AsyncioReader.Factory asyncio(DiscoveredInterpreter found, DebugOffsets offsets,
                                                 ObjectReader objects, StructLayouts tables, FrameLayout frames,
                                                 int codeStart) {
        if (found.version().minor() < FIRST_TAGGED_MINOR) {
            return AsyncioReader.registryFactory(found.version(), objects, tables, frames, codeStart).orElse(null);
        }
        if (!offsets.has("gen_object.gi_frame_state") || !offsets.has("gen_object.gi_iframe")) {
            return null;
        }
        return AsyncioReader.debugOffsetsFactory(found, objects, tables, frames, codeStart,
                (int) offsets.field("gen_object.gi_frame_state"), (int) offsets.field("gen_object.gi_iframe"));
    }

    /**
     * A free-threaded build of a minor without a free-threaded table is refused: the default build's table cannot
     * stand in for it, nor can an older free-threaded one, whose debug offsets have another shape.
     */
    private static SpyException noFreeThreadedTable(DiscoveredInterpreter found) {
        PythonVersion version = found.version();
        String known = IntStream.rangeClosed(FIRST_MINOR, NEWEST_KNOWN_MINOR)
                .mapToObj(minor -> "3." + minor + FREE_THREADED)
                .filter(table -> StructLayouts.find(found.arch(), table).isPresent())
                .collect(Collectors.joining(", "));
        return new SpyException(FailureKind.UNSUPPORTED_PYTHON, "Python " + version + " (process "
                + found.target().pid() + ") is a free-threaded build, and pyspy4j has no layout of free-threaded "
                + version.minorVersion() + " (it reads free-threaded " + known + ")");
    }
}
