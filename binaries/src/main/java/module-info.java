// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** Object-file formats (ELF today) for the provider modules that read binaries. */
module dev.pyspy4j.binaries {
    requires transitive dev.pyspy4j.spi;
    requires org.apache.commons.compress;

    exports dev.pyspy4j.binaries;
    exports dev.pyspy4j.binaries.core;
    exports dev.pyspy4j.binaries.demangle;
    exports dev.pyspy4j.binaries.elf;
    exports dev.pyspy4j.binaries.macho;
    exports dev.pyspy4j.binaries.pe;
    exports dev.pyspy4j.binaries.symbols;
}
