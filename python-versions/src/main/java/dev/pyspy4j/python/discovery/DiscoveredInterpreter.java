// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What discovery learned about the interpreter in a target: its version and the binaries that hold it.
 *
 * @param useSymbols whether to trust symbol tables; {@code false} forces the section scan (a diagnostic switch,
 *                   system property {@code pyspy4j.python.locate=scan}, that shows the scan finds the same
 *                   interpreter as the symbols do)
 */
public record DiscoveredInterpreter(TargetProcess target, PythonVersion version, PythonBinaries binaries,
                                    boolean useSymbols) {

    /**
     * The address of an interpreter global: its symbol when the binaries define it and it validates, else the
     * first position in their data sections that validates.
     *
     * @throws SpyException NOT_PYTHON when neither finds it
     */
    public long locate(String symbol, InterpreterScan.Shape shape) {
        RemoteReader reader = reader();
        InterpreterScan scan = new InterpreterScan(target);
        if (useSymbols) {
            Optional<BinaryImage.Symbol> found = binaries.symbol(symbol);
            if (found.isPresent() && scan.validates(reader, found.get().address(), shape)) {
                return found.get().address();
            }
        }
        for (Optional<BinaryImage> image : List.of(binaries.program(), binaries.library())) {
            OptionalLong scanned = image.map(i -> scan.scan(i, shape)).orElse(OptionalLong.empty());
            if (scanned.isPresent()) {
                return scanned.getAsLong();
            }
        }
        throw new SpyException(FailureKind.NOT_PYTHON, "Python " + version + " in process " + target.pid()
                + ": no valid '" + symbol + "' in '" + binaries.interpreterBinaryPath()
                + "', by symbol or by scanning its data sections (is the interpreter initialised?)");
    }

    /** The target's architecture: the byte order and pointer size of its memory, and which layout tables apply. */
    public TargetArch arch() {
        return target.platform().arch();
    }

    /** A reader of the target's live memory in its architecture's byte order and pointer size. */
    public RemoteReader reader() {
        return new RemoteReader(target.memory(), arch());
    }

    /** The run-time address of an optional symbol, or 0. */
    public long symbolOrZero(String name) {
        return useSymbols ? binaries.symbol(name).map(BinaryImage.Symbol::address).orElse(0L) : 0L;
    }
}
