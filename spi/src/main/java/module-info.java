// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * The contracts between pyspy4j's engine and its providers. The SPI looks providers up itself
 * ({@link dev.pyspy4j.spi.ProviderRegistry}), so it declares every service it loads.
 */
module dev.pyspy4j.spi {
    exports dev.pyspy4j.spi;
    exports dev.pyspy4j.spi.model;
    exports dev.pyspy4j.spi.nativestack;
    exports dev.pyspy4j.spi.output;
    exports dev.pyspy4j.spi.process;
    exports dev.pyspy4j.spi.python;

    uses dev.pyspy4j.spi.process.ProcessAccessProvider;
    uses dev.pyspy4j.spi.process.ThreadActivityProvider;
    uses dev.pyspy4j.spi.python.PythonInterpreterProvider;
    uses dev.pyspy4j.spi.output.OutputFormat;
    uses dev.pyspy4j.spi.output.ProfileInput;
    uses dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
    uses dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
}
