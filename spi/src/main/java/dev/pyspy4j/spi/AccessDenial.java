// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the operating system provider found out about a refused access, so that the CLI can name the one remedy that
 * applies instead of listing every possible one. Only the provider can read these facts (they are system-specific);
 * only the CLI knows which flags and words to suggest.
 *
 * @param runsAsRoot          pyspy4j runs with effective user id 0
 * @param canTraceAnyProcess  pyspy4j holds the privilege to trace processes of other users (Linux: CAP_SYS_PTRACE in
 *                            its effective capabilities); a root without it (a container) is refused too
 * @param ptraceScope         a system-wide restriction on attaching (Linux: Yama's {@code ptrace_scope}; 0 none,
 *                            1 descendants only, 2 privileged tracers only, 3 nobody), when the system has one
 * @param syscallFiltered     a system call filter (seccomp) confines pyspy4j and may forbid tracing outright
 * @param tracerPid           the process already tracing the target (a process has one tracer at a time)
 */
public record AccessDenial(boolean runsAsRoot, boolean canTraceAnyProcess, OptionalInt ptraceScope,
                           boolean syscallFiltered, OptionalLong tracerPid) {
    /** The {@code ptrace_scope} at which nobody may attach, whatever their privileges, until the next boot. */
    public static final int SCOPE_NO_ATTACH = 3;
    /** The {@code ptrace_scope} from which only a tracer holding {@code canTraceAnyProcess} may attach. */
    public static final int SCOPE_ADMIN_ONLY = 2;

    public AccessDenial {
        Objects.requireNonNull(ptraceScope, "ptraceScope is null");
        Objects.requireNonNull(tracerPid, "tracerPid is null");
    }
}
