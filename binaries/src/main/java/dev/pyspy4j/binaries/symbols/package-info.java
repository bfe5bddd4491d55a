// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/**
 * Address to function name for ELF binaries: function symbols from the symbol tables, MiniDebugInfo and separate
 * debug files (by build id or {@code .gnu_debuglink}), looked up by file address.
 */
package dev.pyspy4j.binaries.symbols;
