// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** The output formats: flame graph, speedscope, collapsed stacks (raw) and Chrome trace. */
module dev.pyspy4j.output {
    requires dev.pyspy4j.spi;
    requires com.fasterxml.jackson.core;

    provides dev.pyspy4j.spi.output.OutputFormat with dev.pyspy4j.output.flamegraph.FlameGraphFormat,
            dev.pyspy4j.output.speedscope.SpeedscopeFormat, dev.pyspy4j.output.collapsed.CollapsedFormat,
            dev.pyspy4j.output.chrometrace.ChromeTraceFormat;
}
