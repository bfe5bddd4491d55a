// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.linetable.LineTable;

/**
 * What a sample needs from one code object, read once and cached by address: names, the decoded line table,
 * and where its local variable names are.
 *
 * @param fingerprint      a hash of the raw {@code co_filename}, {@code co_name} and {@code co_firstlineno} words;
 *                         when they change the address holds another code object and the entry is stale
 * @param localCount       number of local slots ({@code co_nlocals} or {@code co_nlocalsplus})
 * @param localNamesTuple  address of the tuple of local names
 * @param localKindsBytes  address of {@code co_localspluskinds} (3.11+), else 0
 */
public record CodeInfo(String name, String filename, int firstLine, LineTable lines, int argCount,
                       long fingerprint, int localCount, long localNamesTuple, long localKindsBytes) {

    /** The line executing at {@code byteOffset} from the start of the bytecode. */
    public int lineAt(int byteOffset) {
        return lines.lineAt(byteOffset);
    }
}
