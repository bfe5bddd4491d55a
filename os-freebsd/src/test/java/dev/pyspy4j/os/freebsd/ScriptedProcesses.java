// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoBytes;
import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A scripted Python process as the tests of this module see it: made up by hand, not recorded on FreeBSD. */
final class ScriptedProcesses {
    static final int PID = 4242;
    static final int MAIN_TID = 100101;
    static final int WORKER_TID = 100102;
    static final String EXECUTABLE = "/usr/local/bin/python3.11";
    static final long TEXT_START = 0x200000;
    static final long DATA_START = 0x800000000L;

    private ScriptedProcesses() {
    }

    /** A running python3.11 with two threads, three mappings and readable memory at the start of each. */
    static ScriptedFreeBsdCalls python() {
        ScriptedFreeBsdCalls calls = new ScriptedFreeBsdCalls(PID);
        calls.sysctls.put("pid", process(KinfoProc.SRUN, 0));
        calls.sysctls.put("threads", KinfoBytes.concat(List.of(
                KinfoBytes.kinfoProc(PID, MAIN_TID, KinfoProc.SRUN, "python3.11", "python3.11", "", 0, 2),
                KinfoBytes.kinfoProc(PID, WORKER_TID, KinfoProc.SSLEEP, "python3.11", "worker", "nanslp", 0, 2))));
        calls.sysctls.put("pathname", (EXECUTABLE + "\0").getBytes(StandardCharsets.UTF_8));
        calls.sysctls.put("args", "python3.11\0app.py\0--fast\0".getBytes(StandardCharsets.UTF_8));
        calls.sysctls.put("vmmap", KinfoBytes.concat(List.of(
                KinfoBytes.packedVmentry(2, TEXT_START, TEXT_START + 0x45000, 0, 0x1, 5, EXECUTABLE),
                KinfoBytes.packedVmentry(3, DATA_START, DATA_START + 0x21000, 0, 0x1, 3, ""),
                KinfoBytes.packedVmentry(3, 0x7fffdfffe000L, 0x7ffffffdf000L, 0, 0x21, 3, ""))));
        calls.memory.put(TEXT_START, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 9});
        calls.memory.put(DATA_START, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        calls.lwps = new int[] {MAIN_TID, WORKER_TID};
        return calls;
    }

    static byte[] process(int state, int tracer) {
        return KinfoBytes.kinfoProc(PID, MAIN_TID, state, "python3.11", "python3.11", "", tracer, 2);
    }
}
