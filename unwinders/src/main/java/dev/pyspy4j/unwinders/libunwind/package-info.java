// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/** The {@code libunwind} native unwinder: libunwind-ptrace, when the system has it. */
package dev.pyspy4j.unwinders.libunwind;
