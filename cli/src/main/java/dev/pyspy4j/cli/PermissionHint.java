// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The remedy appended to a permission-denied message. When the provider found out why the kernel refused
 * ({@link AccessDenial}), the one remedy that applies: telling "not root" from "root, but the kernel still refused",
 * since running as root again cannot help the latter. Otherwise every usual remedy, as py-spy lists them.
 */
public final class PermissionHint {
    private static final String CONTAINER_CAPABILITY = "in Docker add --cap-add SYS_PTRACE,"
            + " in Kubernetes add securityContext.capabilities.add: [SYS_PTRACE]";

    private PermissionHint() {
    }

    /**
     * The remedy for {@code failure}, starting with {@code "; "}; Yama's {@code ptraceScopeFile} is read only when the
     * failure carries no facts of its own.
     */
    public static String remedies(SpyException failure, Path ptraceScopeFile) {
        if (failure instanceof PermissionDeniedException denied) {
            return remedies(denied.denial());
        }
        return remedies(ptraceScopeFile);
    }

    /** The one remedy that fits what the provider found out. */
    static String remedies(AccessDenial denial) {
        if (denial.tracerPid().isPresent()) {
            return "; " + tracedRemedy(denial.tracerPid().getAsLong());
        }
        OptionalInt scope = denial.ptraceScope();
        if (scope.isPresent() && scope.getAsInt() >= AccessDenial.SCOPE_NO_ATTACH) {
            // Yama's highest level cannot be lowered again without a reboot, and it binds root too.
            return "; the kernel lets no process attach to another (kernel.yama.ptrace_scope is " + scope.getAsInt()
                    + ", which only a reboot can lower), not even root";
        }
        if (!denial.runsAsRoot() && !denial.canTraceAnyProcess()) {
            String remedy = "; pyspy4j is not running as root: run it as root (e.g. with sudo)";
            if (scope.isPresent() && scope.getAsInt() == 1) {
                remedy += ", or as the target's user after sysctl kernel.yama.ptrace_scope=0 (it is 1)";
            }
            return remedy;
        }
        if (!denial.canTraceAnyProcess()) {
            return "; pyspy4j runs as root but without the CAP_SYS_PTRACE capability (containers drop it): "
                    + CONTAINER_CAPABILITY;
        }
        String who = denial.runsAsRoot() ? "root with CAP_SYS_PTRACE" : "with CAP_SYS_PTRACE";
        if (denial.syscallFiltered()) {
            return "; pyspy4j runs as " + who + ", but a seccomp filter confines it: allow ptrace and"
                    + " process_vm_readv (in Docker: --security-opt seccomp=unconfined)";
        }
        return "; pyspy4j runs as " + who + ", yet the kernel refused: a security module (AppArmor, SELinux)"
                + " may forbid it, see the kernel log (dmesg)";
    }

    /** A traced process cannot be paused by a second tracer, but it can still be read without pausing it. */
    static String tracedRemedy(long tracerPid) {
        return "try --nonblocking, which reads the process without pausing it, or detach the debugger (process "
                + tracerPid + ") first";
    }

    /**
     * Every usual remedy, starting with {@code "; "}. Yama's {@code ptrace_scope}
     * (Documentation/admin-guide/LSM/Yama.rst) is named only when it restricts attaching, i.e. is above 0.
     */
    static String remedies(Path ptraceScopeFile) {
        String remedies = "; run as root, or in Docker add --cap-add SYS_PTRACE,"
                + " or in Kubernetes add securityContext.capabilities.add: [SYS_PTRACE]";
        OptionalInt scope = readScope(ptraceScopeFile);
        if (scope.isPresent() && scope.getAsInt() > 0) {
            remedies += ", or allow attaching with sysctl kernel.yama.ptrace_scope=0 (it is " + scope.getAsInt() + ")";
        }
        return remedies;
    }

    private static OptionalInt readScope(Path file) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            // No Yama (file absent) or an unreadable value: nothing to suggest.
            return OptionalInt.empty();
        }
    }
}
