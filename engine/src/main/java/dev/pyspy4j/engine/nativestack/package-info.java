// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/**
 * Native stacks ({@code --native}): choosing the unwinder and the symbol resolver, unwinding every stopped thread
 * while the target is paused, naming the addresses, and merging each thread's native stack with its Python stack.
 */
package dev.pyspy4j.engine.nativestack;
