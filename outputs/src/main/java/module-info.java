// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * The output formats: flame graph, speedscope, collapsed stacks (raw), Chrome trace, pprof, the Firefox Profiler's
 * (gecko) and a self-contained HTML report; and the readers of the formats {@code convert} reads back (raw and
 * pprof).
 */
module dev.pyspy4j.output {
    requires dev.pyspy4j.spi;
    requires com.fasterxml.jackson.core;
    requires com.google.protobuf;

    provides dev.pyspy4j.spi.output.OutputFormat with dev.pyspy4j.output.flamegraph.FlameGraphFormat,
            dev.pyspy4j.output.speedscope.SpeedscopeFormat, dev.pyspy4j.output.collapsed.CollapsedFormat,
            dev.pyspy4j.output.chrometrace.ChromeTraceFormat, dev.pyspy4j.output.pprof.PprofFormat,
            dev.pyspy4j.output.gecko.GeckoFormat, dev.pyspy4j.output.html.HtmlFormat;
    provides dev.pyspy4j.spi.output.ProfileInput with dev.pyspy4j.output.collapsed.CollapsedInput,
            dev.pyspy4j.output.pprof.PprofInput;
}
