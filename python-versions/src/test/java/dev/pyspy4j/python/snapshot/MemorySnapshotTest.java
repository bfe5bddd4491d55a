// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.ReadRequest;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Recording what a walk reads, the snapshot file format, and replaying it. */
class MemorySnapshotTest {
    private static final long BASE = 0x7f00_0000_0000L;

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    @Test
    void mergesReadsThatOverlapOrTouchAndKeepsOthersApart() {
        byte[] live = counting(256);
        RecordingMemory memory = new RecordingMemory(new FakeProcessMemory().put(BASE, live));

        memory.readBytes(BASE + 16, 8);
        memory.readBytes(BASE + 8, 8); // touches the first
        memory.readLong(BASE + 12); // overlaps both
        memory.readAll(List.of(new ReadRequest(BASE + 100, ByteBuffer.allocate(4)),
                new ReadRequest(BASE + 200, ByteBuffer.allocate(2))));

        assertThat(memory.chunks()).containsOnlyKeys(BASE + 8, BASE + 100, BASE + 200);
        assertThat(memory.chunks().get(BASE + 8)).containsExactly(slice(live, 8, 24));
        assertThat(memory.chunks().get(BASE + 100)).containsExactly(slice(live, 100, 104));
        assertThat(memory.chunks().get(BASE + 200)).containsExactly(slice(live, 200, 202));
    }

    @Test
    void aChunkSpanningSeveralOlderOnesHoldsTheLaterBytes() {
        FakeProcessMemory live = new FakeProcessMemory().put(BASE, counting(64));
        RecordingMemory memory = new RecordingMemory(live);
        memory.readBytes(BASE, 4);
        memory.readBytes(BASE + 10, 4);
        memory.readBytes(BASE + 2, 20);

        assertThat(memory.chunks()).containsOnlyKeys(BASE);
        assertThat(memory.chunks().get(BASE)).containsExactly(slice(counting(64), 0, 22));
    }

    @Test
    void aFailedReadIsNotRecordedSoItFailsOnReplayToo() {
        RecordingMemory memory = new RecordingMemory(new FakeProcessMemory().put(BASE, counting(16)));

        assertThatThrownBy(() -> memory.readBytes(BASE + 8, 16)).isInstanceOf(SpyException.class);

        assertThat(memory.chunks()).isEmpty();
    }

    @Test
    void recordsTheMapThreadsAndOnlyTheSymbolsAndSectionsFound() {
        String exe = "/usr/bin/python3.11";
        TargetProcess live = new FakeTarget(new FakeProcessMemory().put(BASE, counting(32)), exe,
                List.of(new MemoryRegion(BASE, BASE + 0x1000, "rw-p", 0, "")),
                Map.of(exe, Map.of("_PyRuntime", BASE + 16))).withSection(".bss", BASE, 0x1000);
        RecordingTarget recording = new RecordingTarget(live);

        BinaryImage image = recording.image(exe).orElseThrow();
        assertThat(image.symbol("_PyRuntime")).isPresent();
        assertThat(image.symbol("interp_head")).isEmpty();
        assertThat(image.section(".bss")).isPresent();
        assertThat(recording.image("/lib/libpython3.11.so")).isEmpty();
        recording.regions();
        recording.memory().readLong(BASE + 16);

        MemorySnapshot snapshot = recording.snapshot("test");
        assertThat(snapshot.executable()).isEqualTo(exe);
        assertThat(snapshot.regions()).isEqualTo(live.regions());
        assertThat(snapshot.images()).singleElement().satisfies(recorded -> {
            assertThat(recorded.symbols()).containsOnlyKeys("_PyRuntime");
            assertThat(recorded.sections()).containsOnlyKeys(".bss");
        });
        assertThat(snapshot.chunks()).containsOnlyKeys(BASE + 16);
    }

    @Test
    void writesAndReadsBackEveryPart() throws IOException {
        TreeMap<Long, byte[]> chunks = new TreeMap<>(Map.of(BASE, counting(40), BASE + 4096, counting(3)));
        MemorySnapshot written = new MemorySnapshot(1234, "/opt/ünï/python", "app.py 名前",
                List.of(new MemoryRegion(BASE, BASE + 8192, "rw-p", 16, "/lib/libpython3.9.so.1.0")),
                List.of(new NativeThread(1234, "python"), new NativeThread(1235, "名前")),
                List.of(new MemorySnapshot.Image("/lib/libpython3.9.so.1.0", BASE - 4096,
                        new TreeMap<>(Map.of("_PyRuntime", new BinaryImage.Symbol("_PyRuntime", BASE, 100))),
                        new TreeMap<>(Map.of(".bss", new BinaryImage.Section(".bss", BASE + 64, 512))))),
                chunks, new TreeMap<>(Map.of(0x7f00_0000_1000L, 1235L)));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        written.write(file);

        MemorySnapshot read = MemorySnapshot.read(new ByteArrayInputStream(file.toByteArray()));

        assertThat(read.pid()).isEqualTo(1234);
        assertThat(read.executable()).isEqualTo("/opt/ünï/python");
        assertThat(read.program()).isEqualTo("app.py 名前");
        assertThat(read.regions()).isEqualTo(written.regions());
        assertThat(read.threads()).isEqualTo(written.threads());
        assertThat(read.images()).isEqualTo(written.images());
        assertThat(read.chunks()).containsOnlyKeys(BASE, BASE + 4096);
        assertThat(read.chunks().get(BASE)).containsExactly(counting(40));
        assertThat(read.chunks().get(BASE + 4096)).containsExactly(counting(3));
        assertThat(read.osThreadIds()).containsExactly(Map.entry(0x7f00_0000_1000L, 1235L));
    }

    @Test
    void rejectsAFileThatIsNotASnapshot() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(file)) {
            gzip.write(new byte[] {0, 3, 'a', 'b', 'c', 0, 0, 0, 1});
        }

        assertThatThrownBy(() -> MemorySnapshot.read(new ByteArrayInputStream(file.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a memory snapshot");
    }

    @Test
    void replaysOnlyWhatWasRecorded() {
        MemorySnapshot snapshot = new MemorySnapshot(7, "/usr/bin/python3.11", "test", List.of(), List.of(),
                List.of(new MemorySnapshot.Image("/usr/bin/python3.11", 0,
                        Map.of("Py_Version", new BinaryImage.Symbol("Py_Version", BASE, 4)), Map.of())),
                new TreeMap<>(Map.of(BASE, new byte[] {1, 2, 3, 4})), Map.of());
        ReplayTarget replay = new ReplayTarget(snapshot);

        assertThat(replay.memory().readInt(BASE)).isEqualTo(0x04030201);
        assertThatThrownBy(() -> replay.memory().readLong(BASE)).isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
        BinaryImage image = replay.image("/usr/bin/python3.11").orElseThrow();
        assertThat(image.symbol("Py_Version")).contains(new BinaryImage.Symbol("Py_Version", BASE, 4));
        assertThat(image.symbol("_PyRuntime")).isEmpty();
        assertThat(replay.image("/lib/libpython3.11.so")).isEmpty();
    }
}
