// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PEP 412 dicts of CPython 3.3-3.5, laid out in fake memory from each version's generated table as
 * Objects/dictobject.c builds them: combined tables with unused and deleted slots, split tables whose values
 * live in {@code ma_values}, and the shared empty keys of a cleared dict.
 */
class KeySharingDictReaderTest {
    /** A deleted entry keeps CPython's dummy key object and loses its value. */
    private static final long DUMMY = 0x6666_0000L;

    private StructLayouts t;
    private FakeHeap heap;

    private void load(String version) {
        t = StructLayouts.load(TargetArch.X86_64, version);
        heap = new FakeHeap(t);
    }

    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.3", "3.4", "3.5"})
    void combinedTableSkipsUnusedAndDeletedSlots(String version) {
        load(version);
        long a = heap.str("a");
        long b = heap.str("b");
        long one = heap.str("one");
        long two = heap.str("two");
        // Slots 0, 2, 4-7 unused; slot 3 deleted.
        long keys = keys(8, new long[][] {{1, a, one}, {3, DUMMY, 0}, {5, b, two}});
        long dict = dict(keys, 0);

        List<DictItems.Item> items = reader().items(dict);

        assertThat(items).containsExactly(new DictItems.Item(a, one), new DictItems.Item(b, two));
        ObjectReader objects = ObjectReader.python3KeySharingDicts(
                new RemoteReader(heap.memory(), TargetArch.X86_64), t);
        assertThat(objects.lookup(dict, "b")).contains(two);
        assertThat(objects.lookup(dict, "c")).isEmpty();
    }

    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.3", "3.4", "3.5"})
    void splitTableTakesValuesFromMaValues(String version) {
        load(version);
        long name = heap.str("_name");
        long daemonic = heap.str("_daemonic");
        long started = heap.str("_started");
        long value = heap.str("Thread-1");
        // The class's shared keys know three attributes; this instance set only _name and _started.
        long keys = keys(4, new long[][] {{0, name, 0}, {1, daemonic, 0}, {2, started, 0}});
        ByteBuffer values = heap.buffer(4 * 8);
        values.putLong(0, value).putLong(16, started);
        long dict = dict(keys, heap.place(values));

        List<DictItems.Item> items = reader().items(dict);

        assertThat(items).containsExactly(new DictItems.Item(name, value), new DictItems.Item(started, started));
    }

    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.3", "3.4", "3.5"})
    void clearedDictSharesTheEmptyKeys(String version) {
        load(version);
        // PyDict_Clear: ma_keys = &empty_keys_struct (dk_size 1), ma_values = empty_values ({NULL}).
        long keys = keys(1, new long[0][]);
        long dict = dict(keys, heap.place(heap.buffer(8)));

        assertThat(reader().items(dict)).isEmpty();
    }

    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.3", "3.4", "3.5"})
    void refusesASizeThatIsNoPowerOfTwo(String version) {
        load(version);
        long dict = dict(keys(6, new long[0][]), 0);

        assertThatThrownBy(() -> reader().items(dict)).isInstanceOf(SpyException.class)
                .hasMessageContaining("implausible dict of 6 slots");
    }

    private KeySharingDictReader reader() {
        return new KeySharingDictReader(new RemoteReader(heap.memory(), TargetArch.X86_64), t);
    }

    /** A keys object of {@code size} slots; each entry is {slot, key, value} (value 0 in split tables). */
    private long keys(int size, long[][] entries) {
        int entrySize = t.size("PyDictKeyEntry");
        int first = t.offset("_dictkeysobject.dk_entries");
        ByteBuffer b = heap.buffer(first + size * entrySize);
        b.putLong(t.offset("_dictkeysobject.dk_refcnt"), 1);
        b.putLong(t.offset("_dictkeysobject.dk_size"), size);
        for (long[] entry : entries) {
            int at = first + (int) entry[0] * entrySize;
            b.putLong(at + t.offset("PyDictKeyEntry.me_hash"), 0x1234 + entry[0]);
            b.putLong(at + t.offset("PyDictKeyEntry.me_key"), entry[1]);
            b.putLong(at + t.offset("PyDictKeyEntry.me_value"), entry[2]);
        }
        return heap.place(b);
    }

    private long dict(long keys, long values) {
        ByteBuffer b = heap.buffer(t.size("PyDictObject"));
        b.putLong(t.offset("PyDictObject.ma_keys"), keys);
        b.putLong(t.offset("PyDictObject.ma_values"), values);
        return heap.place(b);
    }
}
