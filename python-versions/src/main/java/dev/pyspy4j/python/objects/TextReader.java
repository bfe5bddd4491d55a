// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

/** Reads the text of a remote string object; one implementation per string representation. */
public interface TextReader {
    String read(long address);
}
