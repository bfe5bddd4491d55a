// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/** JNA bindings of libunwind-ptrace; opened to JNA, which binds the native methods reflectively. */
package dev.pyspy4j.unwinders.libunwind.jna;
