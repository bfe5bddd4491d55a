// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * The sampling engine and its embedding API. It sees providers only through the SPI's registry, which loads them
 * with {@link java.util.ServiceLoader}; {@code jdk.unsupported} is for the signal handlers that stop a run cleanly.
 */
module dev.pyspy4j.engine {
    requires transitive dev.pyspy4j.spi;
    requires jdk.unsupported;

    exports dev.pyspy4j.engine;
    exports dev.pyspy4j.engine.dump;
    exports dev.pyspy4j.engine.launch;
    exports dev.pyspy4j.engine.names;
    exports dev.pyspy4j.engine.nativestack;
    exports dev.pyspy4j.engine.sampling;
    exports dev.pyspy4j.engine.trace;

    uses dev.pyspy4j.spi.process.ProcessAccessProvider;
    uses dev.pyspy4j.spi.process.ThreadActivityProvider;
    uses dev.pyspy4j.spi.python.PythonInterpreterProvider;
    uses dev.pyspy4j.spi.output.OutputFormat;
    uses dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
    uses dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
}
