// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

/**
 * What {@code dump} was asked for.
 *
 * @param pid           the process to read
 * @param pauseTarget   stop the target while its stacks are copied (off with {@code --nonblocking})
 * @param fullFilenames keep full file paths instead of shortening them ({@code --full-filenames})
 */
public record DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames) {
}
