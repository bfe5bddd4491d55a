// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WindowsStructuresTest.assertMalformed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.windows.SystemProcessRecords.ProcessThreads;
import dev.pyspy4j.os.windows.SystemProcessRecords.SystemThread;
import dev.pyspy4j.os.windows.WindowsStructs.Process;
import dev.pyspy4j.os.windows.WindowsStructs.Thread;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NextEntryOffset chain of SYSTEM_PROCESS_INFORMATION records and the thread entries after each record. */
class SystemProcessRecordsTest {
    private static final byte[] THREE_PROCESSES = WindowsStructs.systemProcessInformation(List.of(
            new Process(0, "", List.of(new Thread(0, 2, 0), new Thread(0, 2, 0))),
            new Process(4242, "python.exe", List.of(new Thread(100, 5, 6), new Thread(104, 2, 0),
                    new Thread(108, 5, 4))),
            new Process(77, "explorer.exe", List.of())));

    @Test
    void everyRecordWithItsThreads() {
        List<ProcessThreads> processes = SystemProcessRecords.decode(THREE_PROCESSES);

        assertThat(processes).extracting(ProcessThreads::processId).containsExactly(0L, 4242L, 77L);
        assertThat(processes.get(1).threads()).containsExactly(new SystemThread(100, 5, 6),
                new SystemThread(104, 2, 0), new SystemThread(108, 5, 4));
        assertThat(processes.get(2).threads()).isEmpty();
    }

    @Test
    void theThreadsOfOneProcess() {
        assertThat(SystemProcessRecords.threadsOf(THREE_PROCESSES, 4242)).get().asList().hasSize(3);
        assertThat(SystemProcessRecords.threadsOf(THREE_PROCESSES, 5)).isEmpty();
    }

    @Test
    void anEmptyAnswerListsNoProcess() {
        assertThat(SystemProcessRecords.decode(new byte[0])).isEmpty();
    }

    @Test
    void aNextEntryOffsetThatLeadsBackIsMalformedNotALoop() {
        byte[] looping = THREE_PROCESSES.clone();
        ByteBuffer.wrap(looping).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x100);

        assertMalformed(() -> SystemProcessRecords.decode(looping), "malformed SYSTEM_PROCESS_INFORMATION from "
                + "Windows: NextEntryOffset 256 at offset 0 leads back into the record it ends "
                + "(which needs 416 bytes)");
    }

    @Test
    void aNextEntryOffsetPastTheBufferIsMalformed() {
        byte[] beyond = THREE_PROCESSES.clone();
        ByteBuffer.wrap(beyond).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x7fff_0000);

        assertMalformed(() -> SystemProcessRecords.decode(beyond), "malformed SYSTEM_PROCESS_INFORMATION from "
                + "Windows: process record at offset 2147418112 (256 bytes) lies outside its " + beyond.length
                + " bytes");
    }

    @Test
    void moreThreadsThanTheBufferHoldsIsMalformed() {
        byte[] tooMany = THREE_PROCESSES.clone();
        ByteBuffer.wrap(tooMany).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0xffff_ffff);

        assertMalformed(() -> SystemProcessRecords.decode(tooMany), "malformed SYSTEM_PROCESS_INFORMATION from "
                + "Windows: 4294967295 thread entries of the process record at offset 256 (343597383600 bytes) lies "
                + "outside its " + tooMany.length + " bytes");
    }

    @Test
    void aTruncatedRecordIsMalformed() {
        assertMalformed(() -> SystemProcessRecords.decode(new byte[0xff]), "malformed SYSTEM_PROCESS_INFORMATION "
                + "from Windows: process record at offset 0 (256 bytes) lies outside its 255 bytes");
    }
}
