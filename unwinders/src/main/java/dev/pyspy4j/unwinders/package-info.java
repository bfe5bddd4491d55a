// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
/** Native stack unwinders and symbol resolvers, one {@link java.util.ServiceLoader} provider each. */
package dev.pyspy4j.unwinders;
