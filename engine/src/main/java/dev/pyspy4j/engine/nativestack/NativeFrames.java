// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.nativestack.NativeSymbol;

/** Native calls as frames of a merged stack. */
final class NativeFrames {
    /** What stands for a file or a module that is not known (an address in no mapped file), as py-spy prints it. */
    static final String UNKNOWN = "?";

    private NativeFrames() {
    }

    /**
     * The frame of {@code call}: the function's name, or its address in hex when no symbol covers it; the source
     * file when debug information names one, else the binary; always the binary as the module, which tells native
     * frames from Python ones.
     *
     * @param name the name to show (a Cython function's readable name), or {@code null} for the symbol's own
     */
    static Frame of(NativeCall call, String name) {
        NativeSymbol symbol = call.symbol();
        String module = symbol.module() != null ? symbol.module() : UNKNOWN;
        String shown = name != null ? name
                : symbol.hasFunction() ? symbol.function() : "0x" + Long.toHexString(call.address());
        String filename = symbol.sourceFile() != null ? symbol.sourceFile() : module;
        return new Frame(shown, filename, module, null, Math.max(0, symbol.line()), null, false, false);
    }
}
