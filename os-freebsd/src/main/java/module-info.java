// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * Process access and thread activity on FreeBSD. Its JNA bindings are opened to JNA, which builds them reflectively;
 * the OS-call interface is exported so that a test can answer the calls in place of the kernel.
 */
module dev.pyspy4j.os.freebsd {
    requires dev.pyspy4j.spi;
    requires dev.pyspy4j.binaries;
    requires com.sun.jna;

    exports dev.pyspy4j.os.freebsd;
    opens dev.pyspy4j.os.freebsd.jna to com.sun.jna;

    provides dev.pyspy4j.spi.process.ProcessAccessProvider with dev.pyspy4j.os.freebsd.FreeBsdProcessAccessProvider;
    provides dev.pyspy4j.spi.process.ThreadActivityProvider with dev.pyspy4j.os.freebsd.FreeBsdThreadActivityProvider;
}
