// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** Process access and thread activity on Windows. Its JNA bindings are opened to JNA, which binds them reflectively. */
module dev.pyspy4j.os.windows {
    requires dev.pyspy4j.spi;
    requires dev.pyspy4j.binaries;
    requires com.sun.jna;

    opens dev.pyspy4j.os.windows.jna to com.sun.jna;

    provides dev.pyspy4j.spi.process.ProcessAccessProvider with dev.pyspy4j.os.windows.WindowsProcessAccessProvider;
    provides dev.pyspy4j.spi.process.ThreadActivityProvider with dev.pyspy4j.os.windows.WindowsThreadActivityProvider;
}
