// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.CStrings;
import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.os.freebsd.kinfo.KinfoProcs;
import dev.pyspy4j.os.freebsd.kinfo.KinfoVmentries;
import dev.pyspy4j.os.freebsd.kinfo.VmEntry;
import java.util.List;
import java.util.Optional;

/** The kern.proc sysctls about one process; failed calls surface as {@link FreeBsdCallException}. */
final class KernProc {
    private final FreeBsdCalls calls;
    private final int pid;

    KernProc(FreeBsdCalls calls, int pid) {
        this.calls = calls;
        this.pid = pid;
    }

    /** kern.proc.pid.&lt;pid&gt;: the process's record; empty when no such process exists. */
    Optional<KinfoProc> process() {
        try {
            List<KinfoProc> records = KinfoProcs.decode(sysctl(FreeBsdCalls.KERN_PROC_PID), "kern.proc.pid." + pid);
            return records.stream().filter(record -> record.pid() == pid).findFirst();
        } catch (FreeBsdCallException e) {
            if (e.errno() == FreeBsdCallException.ESRCH) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** kern.proc.pid.&lt;pid&gt; with KERN_PROC_INC_THREAD: one record per thread; empty when the process is gone. */
    List<KinfoProc> threads() {
        try {
            return KinfoProcs.decode(sysctl(FreeBsdCalls.KERN_PROC_PID | FreeBsdCalls.KERN_PROC_INC_THREAD),
                    "kern.proc.pid." + pid).stream().filter(record -> record.pid() == pid).toList();
        } catch (FreeBsdCallException e) {
            if (e.errno() == FreeBsdCallException.ESRCH) {
                return List.of();
            }
            throw e;
        }
    }

    /** kern.proc.pathname.&lt;pid&gt;. */
    String pathname() {
        return CStrings.of(sysctl(FreeBsdCalls.KERN_PROC_PATHNAME));
    }

    /** kern.proc.args.&lt;pid&gt;. */
    List<String> args() {
        return CStrings.list(sysctl(FreeBsdCalls.KERN_PROC_ARGS));
    }

    /** kern.proc.vmmap.&lt;pid&gt;. */
    List<VmEntry> vmmap() {
        return KinfoVmentries.decode(sysctl(FreeBsdCalls.KERN_PROC_VMMAP), "kern.proc.vmmap." + pid);
    }

    private byte[] sysctl(int what) {
        return calls.sysctl(new int[] {FreeBsdCalls.CTL_KERN, FreeBsdCalls.KERN_PROC, what, pid});
    }
}
