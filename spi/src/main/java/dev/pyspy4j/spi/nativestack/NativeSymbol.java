// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

/**
 * What an instruction address of a native stack is.
 *
 * @param address     the address looked up
 * @param module      the path of the binary mapped there, or {@code null} when no file is mapped there
 * @param function    the function's name for people (C++ names demangled, without parameters), or {@code null}
 *                    when no symbol covers the address
 * @param linkageName the symbol as the binary spells it (mangled), or {@code null} with {@code function}
 * @param sourceFile  the source file from debug information, or {@code null} when there is none
 * @param line        the source line from debug information, or 0
 */
public record NativeSymbol(long address, String module, String function, String linkageName, String sourceFile,
                           int line) {
    /** An address in a binary with no symbol covering it. */
    public static NativeSymbol unnamed(long address, String module) {
        return new NativeSymbol(address, module, null, null, null, 0);
    }

    public boolean hasFunction() {
        return function != null;
    }
}
