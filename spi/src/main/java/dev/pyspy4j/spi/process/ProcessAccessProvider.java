// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;

/**
 * One per operating system: opens a running process for reading from outside.
 * Stateless; {@link #attach} may be called many times (one call per process of a tree).
 */
public interface ProcessAccessProvider extends Provider {
    /**
     * Opens process {@code pid}. Nothing is paused or modified; reading starts lazily.
     *
     * @throws dev.pyspy4j.spi.SpyException PROCESS_NOT_FOUND when no such process runs,
     *         PERMISSION_DENIED when the OS refuses access
     */
    TargetProcess attach(long pid);

    /**
     * Makes SIGINT and SIGTERM deliverable to this process (the profiler) when it inherited them ignored, as the
     * background jobs of a shell script do: it sets them back to their default disposition, so that a handler
     * installed afterwards runs. A signal that is handled already, or not ignored, is left alone. The JVM refuses
     * to handle a signal that was ignored when it asked, so this must run before the stop handlers are installed.
     * Does nothing on a system without such signals, which is the default.
     */
    default void restoreDefaultStopSignals() {
    }

    /**
     * Does the one-time work of a first {@link #attach} that depends on no process (loading a native library,
     * linking the classes attaching runs), so that a command can overlap it with parsing its command line. Called
     * once per run, on a background thread, possibly while {@link #attach} runs on another; a second call must do
     * no harm. Failures are left for {@link #attach} to report. Does nothing by default.
     */
    default void prepare() {
    }

    /**
     * Opens a core file of a process of this system as a process stopped for good: its memory is what the core
     * dumped (and what the files it had mapped hold, on this machine now), its threads and their registers are the
     * core's, a pause stops nothing. The default, for systems whose cores are not read, refuses.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT naming the file when it is missing, not a core, or
     *         truncated; UNSUPPORTED_PLATFORM on a system whose cores are not read
     */
    default TargetProcess openCore(Path core) {
        throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "core files are not read on this system");
    }
}
