// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

/**
 * What a server answered to one push.
 *
 * @param status    the HTTP status
 * @param firstLine the first line of the body, for a warning; empty when there was none
 */
public record PushResponse(int status, String firstLine) {
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether the same push may succeed later: the server is unavailable or overloaded (5xx, 429, 408), rather
     * than refusing this request (400, 401, 403, 404, 413, ...), which it would refuse again.
     */
    public boolean worthRetrying() {
        return status >= 500 || status == 429 || status == 408;
    }

    /** {@code HTTP 503: no healthy ingester}. */
    public String describe() {
        return "HTTP " + status + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }
}
