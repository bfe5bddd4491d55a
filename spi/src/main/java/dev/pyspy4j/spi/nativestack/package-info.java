// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/**
 * Native stacks ({@code --native}): the registers of a stopped thread, the unwinders that turn them into return
 * addresses, and the resolvers that name those addresses.
 */
package dev.pyspy4j.spi.nativestack;
