// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

/**
 * One named entry of the export table.
 *
 * @param ordinal the export's ordinal ({@code Base} plus its index in the export address table)
 * @param rva where the exported function or data lies, relative to the image base; for a forwarder, the RVA of the
 *        forwarder string
 * @param forwarder {@code DLL.name} when the export forwards to another DLL, else empty
 */
public record PeExport(String name, long ordinal, long rva, String forwarder) {
    public boolean isForwarder() {
        return !forwarder.isEmpty();
    }
}
