// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import java.util.Map;
import java.util.Set;

/** The providers other than an OS's process access and thread activity that the distributions hold, by service. */
final class ExpectedProviders {
    /** What every distribution holds: CPython's reader, the output formats, the inputs of convert. */
    static final Map<String, Set<String>> PORTABLE = Map.of(
            "dev.pyspy4j.spi.python.PythonInterpreterProvider", Set.of("dev.pyspy4j.python.CPythonInterpreterProvider"),
            "dev.pyspy4j.spi.output.OutputFormat", Set.of("dev.pyspy4j.output.flamegraph.FlameGraphFormat",
                    "dev.pyspy4j.output.speedscope.SpeedscopeFormat", "dev.pyspy4j.output.collapsed.CollapsedFormat",
                    "dev.pyspy4j.output.chrometrace.ChromeTraceFormat", "dev.pyspy4j.output.pprof.PprofFormat",
                    "dev.pyspy4j.output.gecko.GeckoFormat", "dev.pyspy4j.output.html.HtmlFormat"),
            "dev.pyspy4j.spi.output.ProfileInput", Set.of("dev.pyspy4j.output.collapsed.CollapsedInput",
                    "dev.pyspy4j.output.pprof.PprofInput"));

    /** The unwinders and symbol resolver of --native, which work on Linux x86_64 only. */
    static final Map<String, Set<String>> LINUX_NATIVE_STACKS = Map.of(
            "dev.pyspy4j.spi.nativestack.NativeUnwinderProvider", Set.of(
                    "dev.pyspy4j.unwinders.dwarf.DwarfUnwinderProvider",
                    "dev.pyspy4j.unwinders.framepointer.FramePointerUnwinderProvider",
                    "dev.pyspy4j.unwinders.libunwind.LibunwindUnwinderProvider"),
            "dev.pyspy4j.spi.nativestack.SymbolResolverProvider",
            Set.of("dev.pyspy4j.unwinders.symbols.ElfSymbolResolverProvider"));

    private ExpectedProviders() {
    }
}
