// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/**
 * The {@code elf} symbol resolver: names the native code addresses of a process from the ELF symbol tables of the
 * binaries it maps (and their MiniDebugInfo and separate debug files) and of its vDSO.
 */
package dev.pyspy4j.unwinders.symbols;
