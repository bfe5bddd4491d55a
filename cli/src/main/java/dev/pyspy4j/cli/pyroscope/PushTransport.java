// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.io.IOException;

/** Sends one encoded {@code PushRequest} and says what the server answered. */
@FunctionalInterface
public interface PushTransport {
    /**
     * @throws IOException when no answer came (connection refused, timed out, reset)
     */
    PushResponse send(byte[] pushRequest) throws IOException;
}
