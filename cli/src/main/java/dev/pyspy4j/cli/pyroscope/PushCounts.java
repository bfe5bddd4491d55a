// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

/**
 * What became of the profiles given to a {@link PushQueue}.
 *
 * @param pushed  accepted by the server
 * @param failed  given up: refused by the server, or every attempt failed
 * @param dropped never sent for good: pushed out of a full queue by newer ones, or still waiting when the end's
 *                wait was over
 * @param retries failed attempts that were tried again
 */
public record PushCounts(long pushed, long failed, long dropped, long retries) {
    /** Profiles that did not reach the server. */
    public long lost() {
        return failed + dropped;
    }

    /** {@code 12 profiles pushed, 0 failed, 1 dropped (3 retries)}. */
    public String describe() {
        return pushed + (pushed == 1 ? " profile" : " profiles") + " pushed, " + failed + " failed, " + dropped
                + " dropped" + (retries == 0 ? "" : " (" + retries + (retries == 1 ? " retry)" : " retries)"));
    }
}
