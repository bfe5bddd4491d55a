// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LongKeyMapPropertiesTest {
    /** One operation: put (key, value) when {@code put}, else remove key. */
    record Operation(boolean put, long key, int value) {
    }

    @Property(tries = 200)
    void behavesLikeAHashMap(@ForAll("operations") List<Operation> operations) {
        LongKeyMap<Integer> map = new LongKeyMap<>();
        Map<Long, Integer> expected = new HashMap<>();
        for (Operation operation : operations) {
            if (operation.put()) {
                map.put(operation.key(), operation.value());
                expected.put(operation.key(), operation.value());
            } else {
                map.remove(operation.key());
                expected.remove(operation.key());
            }
            assertThat(map.size()).isEqualTo(expected.size());
        }
        for (long key = -4; key < 300; key++) {
            assertThat(map.get(key)).as("key %d", key).isEqualTo(expected.get(key));
        }
        for (Map.Entry<Long, Integer> entry : expected.entrySet()) {
            assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        // Few distinct keys, many operations: long probe runs, removals inside them and growth past 64 slots.
        Arbitrary<Long> keys = Arbitraries.oneOf(Arbitraries.longs().between(-4, 299),
                Arbitraries.longs().map(k -> k & ~0xFL));
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 2);
        return Combinators.combine(kinds, keys, Arbitraries.integers().between(0, 1000))
                .as((kind, key, value) -> new Operation(kind != 0, key, value))
                .list().ofMinSize(0).ofMaxSize(300);
    }
}
