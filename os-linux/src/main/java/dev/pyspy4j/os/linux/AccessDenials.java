// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.ProcStatus;
import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Finds out, from {@code /proc}, why the kernel refused access to a process: who pyspy4j runs as
 * ({@code /proc/self/status}: effective uid, effective capabilities, seccomp mode), Yama's {@code ptrace_scope}, and
 * whether the target already has a tracer ({@code TracerPid} of {@code /proc/<pid>/status}).
 */
final class AccessDenials {
    /** CAP_SYS_PTRACE (linux/capability.h): trace and read the memory of any process. */
    static final int CAP_SYS_PTRACE = 19;
    /** The {@code Seccomp} value of a process confined by a filter (proc(5)); 1 is strict mode, which allows no I/O. */
    private static final String SECCOMP_FILTER = "2";

    private static final AccessDenials SYSTEM = new AccessDenials(ProcFs.ROOT);

    private final Path procRoot;

    /** @param procRoot where proc(5) is mounted; tests give a directory of fake files */
    AccessDenials(Path procRoot) {
        this.procRoot = procRoot;
    }

    static AccessDenials system() {
        return SYSTEM;
    }

    /** A permission-denied failure about process {@code pid}, with what can be found out about the refusal. */
    PermissionDeniedException denied(long pid, String message, Throwable cause) {
        return new PermissionDeniedException(message, null, of(pid), cause);
    }

    /** The facts about a refused access to process {@code pid}; whatever cannot be read is left out. */
    AccessDenial of(long pid) {
        Optional<ProcStatus> self = status("self");
        return new AccessDenial(
                self.map(status -> effectiveId(status.field("Uid")) == 0).orElse(false),
                self.map(status -> hasCapability(status.field("CapEff"), CAP_SYS_PTRACE)).orElse(false),
                ptraceScope(),
                self.map(status -> status.field("Seccomp").equals(SECCOMP_FILTER)).orElse(false),
                tracerOf(pid));
    }

    /** The process tracing {@code pid}, if any. */
    OptionalLong tracerOf(long pid) {
        OptionalLong tracer = status(Long.toString(pid)).map(ProcStatus::tracerPid).orElse(OptionalLong.empty());
        if (tracer.isEmpty() || tracer.getAsLong() == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(processOfThread(tracer.getAsLong()));
    }

    /** TracerPid names the tracing <em>thread</em>; users know the process it belongs to. */
    private long processOfThread(long tid) {
        return status(Long.toString(tid)).flatMap(status -> {
            OptionalLong group = status.threadGroupId();
            return group.isPresent() ? Optional.of(group.getAsLong()) : Optional.<Long>empty();
        }).orElse(tid);
    }

    private OptionalInt ptraceScope() {
        try {
            Optional<String> text = ProcFs.readOptional(procRoot.resolve("sys/kernel/yama/ptrace_scope"));
            return text.isPresent() ? OptionalInt.of(Integer.parseInt(text.get().trim())) : OptionalInt.empty();
        } catch (SpyException | NumberFormatException unreadable) {
            // No Yama, or a value we cannot read: nothing to say about it.
            return OptionalInt.empty();
        }
    }

    private Optional<ProcStatus> status(String dir) {
        Path file = procRoot.resolve(dir).resolve("status");
        try {
            return ProcFs.readOptional(file).map(text -> ProcStatus.parse(text, file.toString()));
        } catch (SpyException unreadable) {
            return Optional.empty();
        }
    }

    /** The effective id of a {@code Uid:} line, which lists the real, effective, saved and filesystem ids. */
    private static long effectiveId(String ids) {
        String[] fields = ids.trim().split("\\s+");
        return fields.length > 1 && fields[1].matches("[0-9]{1,10}") ? Long.parseLong(fields[1]) : -1;
    }

    /** Whether bit {@code capability} is set in a hexadecimal capability mask such as {@code CapEff}. */
    private static boolean hasCapability(String mask, int capability) {
        String hex = mask.trim();
        if (!hex.matches("[0-9a-fA-F]{1,16}")) {
            return false;
        }
        return (Long.parseUnsignedLong(hex, 16) >>> capability & 1) == 1;
    }
}
