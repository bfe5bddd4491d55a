// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

/**
 * Thrown inside the demangler when a name is malformed, uses a form it does not print, or exceeds its work
 * limits; {@link ItaniumDemangler} turns it into an empty result. No stack trace: rejection is routine (every C
 * symbol that starts with "_Z" by chance ends here) and must stay cheap.
 */
final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
