// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes kern.proc.pid's value: an array of {@code struct kinfo_proc} (sys/sys/user.h), every one
 * KINFO_PROC_SIZE (1088 on amd64) bytes and saying so in {@code ki_structsize}. amd64 offsets, which a C program
 * compiled from the header's declarations confirmed (its size came out 1088): ki_pid 72, ki_stat 388,
 * ki_tdname 394 (17 bytes), ki_wmesg 411 (9), ki_comm 447 (20), ki_moretdname 502 (4), ki_tracer 576,
 * ki_numthreads 596, ki_tid 600.
 */
public final class KinfoProcs {
    /** KINFO_PROC_SIZE of amd64. */
    public static final int SIZE = 1088;
    public static final int PID = 72;
    public static final int STAT = 388;
    public static final int TDNAME = 394;
    public static final int TDNAME_LENGTH = 17;
    public static final int WMESG = 411;
    public static final int WMESG_LENGTH = 9;
    public static final int COMM = 447;
    public static final int COMM_LENGTH = 20;
    public static final int MORETDNAME = 502;
    public static final int MORETDNAME_LENGTH = 4;
    public static final int TRACER = 576;
    public static final int NUMTHREADS = 596;
    public static final int TID = 600;

    private KinfoProcs() {
    }

    /** @param what names the value in messages, e.g. {@code kern.proc.pid.42} */
    public static List<KinfoProc> decode(byte[] bytes, String what) {
        if (bytes.length % SIZE != 0) {
            throw MalformedRecords.of(what, bytes.length + " bytes are not a whole number of " + SIZE
                    + "-byte records");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<KinfoProc> records = new ArrayList<>(bytes.length / SIZE);
        for (int at = 0; at < bytes.length; at += SIZE) {
            int size = buffer.getInt(at);
            if (size != SIZE) {
                throw MalformedRecords.of(what, "record at offset " + at + " says it has " + size + " bytes, not "
                        + SIZE + " (a kernel of another architecture or release)");
            }
            String threadName = CStrings.field(bytes, at + TDNAME, TDNAME_LENGTH)
                    + CStrings.field(bytes, at + MORETDNAME, MORETDNAME_LENGTH);
            records.add(new KinfoProc(buffer.getInt(at + PID), buffer.getInt(at + TID), bytes[at + STAT],
                    CStrings.field(bytes, at + COMM, COMM_LENGTH), threadName,
                    CStrings.field(bytes, at + WMESG, WMESG_LENGTH), buffer.getInt(at + TRACER),
                    buffer.getInt(at + NUMTHREADS)));
        }
        return List.copyOf(records);
    }
}
