// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

/** A paused target; closing resumes every thread that was stopped. Closing twice is harmless. */
public interface PauseHandle extends AutoCloseable {
    @Override
    void close();
}
