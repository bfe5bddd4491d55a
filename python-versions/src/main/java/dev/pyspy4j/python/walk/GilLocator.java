// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;

/** Finds the thread state that holds the GIL. One strategy per version family. */
public interface GilLocator {
    /** The holder's {@code PyThreadState} address, or 0 when nobody holds the GIL. */
    long holder(RemoteReader reader, long interpreter);

    /** For versions or builds where the holder cannot be known. */
    GilLocator UNKNOWN = (reader, interpreter) -> 0;

    /**
     * 3.7-3.11: {@code _PyRuntime.gilstate.tstate_current} is the thread state of the thread that took the GIL; it is
     * cleared when the GIL is released ({@code PyEval_SaveThread}).
     */
    static GilLocator runtimeThreadState(long address) {
        return (reader, interpreter) -> reader.pointer(address);
    }

    /**
     * 3.12+: each interpreter points at its GIL ({@code interp->ceval.gil}, usually its own {@code _gil});
     * {@code last_holder} is the holder while {@code locked} is set.
     */
    static GilLocator interpreterGil(int cevalGil, int locked, int lastHolder) {
        return (reader, interpreter) -> {
            long gil = reader.pointer(interpreter + cevalGil);
            if (gil == 0 || reader.int32(gil + locked) == 0) {
                return 0;
            }
            return reader.pointer(gil + lastHolder);
        };
    }
}
