// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import dev.pyspy4j.spi.testing.ProcessMemoryContract;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads this JVM's own memory through process_vm_readv, which needs no privilege for one's own process. */
class LinuxProcessMemoryTest extends ProcessMemoryContract {
    private final Memory content = new Memory(CONTENT.length);
    private final LinuxProcessMemory memory = new LinuxProcessMemory(ProcessHandle.current().pid());

    LinuxProcessMemoryTest() {
        content.write(0, CONTENT, 0, CONTENT.length);
    }

    @AfterEach
    void release() {
        memory.close();
        content.close();
    }

    @Override
    protected ProcessMemory memoryUnderTest() {
        return memory;
    }

    @Override
    protected long contentAddress() {
        return Pointer.nativeValue(content);
    }

    @Override
    protected long unmappedAddress() {
        return 8;
    }

    @Test
    void batchesLargerThanIovMaxAreSplitIntoSeveralCalls() {
        List<ReadRequest> requests = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            ByteBuffer target = i % 3 == 0 ? ByteBuffer.allocateDirect(1) : ByteBuffer.allocate(1);
            requests.add(new ReadRequest(contentAddress() + i % 256, target));
        }
        memory.readAll(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(requests.get(i).target().get(0)).isEqualTo((byte) (i % 256));
        }
    }

    @Test
    void directBufferIsFilledFromItsPosition() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16);
        buffer.position(5).limit(9);
        memory.read(contentAddress() + 40, buffer);
        assertThat(buffer.get(5)).isEqualTo((byte) 40);
        assertThat(buffer.get(8)).isEqualTo((byte) 43);
        ByteBuffer whole = buffer.duplicate().clear();
        assertThat(whole.get(4)).isZero();
        assertThat(whole.get(9)).isZero();
    }

    @Test
    void aReusedDirectBufferSeesNewContentEachTime() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4);
        memory.read(contentAddress() + 10, buffer);
        memory.read(contentAddress() + 20, buffer);
        assertThat(buffer.get(0)).isEqualTo((byte) 20);
    }

    @Test
    void theFailingRequestOfABatchIsNamed() {
        List<ReadRequest> requests = List.of(new ReadRequest(contentAddress(), ByteBuffer.allocate(4)),
                new ReadRequest(contentAddress() + 4, ByteBuffer.allocateDirect(4)),
                new ReadRequest(0x10, ByteBuffer.allocate(24)),
                new ReadRequest(contentAddress(), ByteBuffer.allocate(4)));
        assertThatThrownBy(() -> memory.readAll(requests))
                .isInstanceOf(SpyException.class)
                .hasMessage("cannot read 24 bytes at 0x10 in process " + ProcessHandle.current().pid());
    }

    @Test
    void requestsReadAsOneRangeEachGetTheirOwnBytes() {
        int[] offsets = {0, 10, 30, 100, 120, 150, 50, 60};
        int[] lengths = {4, 8, 16, 1, 4, 3, 6, 2};
        List<ReadRequest> requests = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            // A direct buffer in the middle and a step back in addresses each start a new range.
            ByteBuffer target = i == 4 ? ByteBuffer.allocateDirect(lengths[i]) : ByteBuffer.allocate(lengths[i] + 2);
            target.position(i == 4 ? 0 : 1).limit(i == 4 ? lengths[i] : 1 + lengths[i]);
            requests.add(new ReadRequest(contentAddress() + offsets[i], target));
        }

        memory.readAll(requests);

        for (int i = 0; i < offsets.length; i++) {
            ByteBuffer target = requests.get(i).target();
            assertThat(target.position()).as("request %d left where it was", i).isEqualTo(i == 4 ? 0 : 1);
            for (int b = 0; b < lengths[i]; b++) {
                assertThat(target.get(target.position() + b)).as("request %d, byte %d", i, b)
                        .isEqualTo((byte) (offsets[i] + b));
            }
            if (i != 4) {
                ByteBuffer whole = target.duplicate().clear();
                assertThat(whole.get(0)).as("request %d, before its position", i).isZero();
                assertThat(whole.get(lengths[i] + 1)).as("request %d, after its limit", i).isZero();
            }
        }
    }

    @Test
    void aMergedReadThatComesUpShortNamesTheRequestThatFailed() {
        long end = endOfSomeRegionFollowedByAGap();
        List<ReadRequest> requests = List.of(new ReadRequest(end - 16, ByteBuffer.allocate(8)),
                new ReadRequest(end + 100, ByteBuffer.allocate(4)));
        assertThatThrownBy(() -> memory.readAll(requests))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("4 bytes at 0x" + Long.toHexString(end + 100));
    }

    @Test
    void aRangeRunningIntoUnmappedMemoryFailsWholly() {
        long lastMappedByte = endOfSomeRegionFollowedByAGap() - 1;
        ByteBuffer buffer = ByteBuffer.allocate(2);
        assertThatThrownBy(() -> memory.read(lastMappedByte, buffer))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("2 bytes at 0x" + Long.toHexString(lastMappedByte))
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
    }

    @Test
    void aProcessThatExitedFailsAsProcessExited() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (LinuxProcessMemory ofGone = new LinuxProcessMemory(gone.pid())) {
            assertThatThrownBy(() -> ofGone.read(0x400000, ByteBuffer.allocate(8)))
                    .isInstanceOf(SpyException.class)
                    .hasMessage("process " + gone.pid() + " has exited")
                    .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_EXITED);
        }
    }

    @Test
    void aClosedReaderRefusesToRead() {
        LinuxProcessMemory closed = new LinuxProcessMemory(ProcessHandle.current().pid());
        closed.close();
        closed.close();
        assertThatThrownBy(() -> closed.read(contentAddress(), ByteBuffer.allocate(8)))
                .isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.INTERNAL);
    }

    private static long endOfSomeRegionFollowedByAGap() {
        List<MemoryRegion> regions = new LinuxTargetProcess(ProcessHandle.current().pid()).regions();
        for (int i = 0; i + 1 < regions.size(); i++) {
            MemoryRegion region = regions.get(i);
            if (region.isReadable() && region.end() != regions.get(i + 1).start()) {
                return region.end();
            }
        }
        throw new AssertionError("every readable region of this JVM is followed by another one");
    }
}
