// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** Native unwinders and symbol resolvers for {@code --native}. Its JNA bindings are opened to JNA. */
module dev.pyspy4j.unwinders {
    requires dev.pyspy4j.spi;
    requires dev.pyspy4j.binaries;
    requires com.sun.jna;

    provides dev.pyspy4j.spi.nativestack.SymbolResolverProvider
            with dev.pyspy4j.unwinders.symbols.ElfSymbolResolverProvider;
}
