// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The deleted slots of a set: 3.3 marks them with the str {@code "<dummy key>"} (as 2.7 does, seen live), 3.4+
 * with an object of its own {@code "<dummy key> type"}, so only on 3.3 does that text mean "no member".
 */
class SetDummyTest {
    @Test
    void python33SkipsItsTextDummy() {
        assertThat(render("3.3")).isEqualTo("{1}");
    }

    @Test
    void python34KeepsAMemberThatMerelyReadsLikeTheDummy() {
        assertThat(render("3.4")).isEqualTo("{1, \"<dummy key>\"}");
    }

    private static String render(String version) {
        StructLayouts tables = StructLayouts.load(TargetArch.X86_64, version);
        FakeHeap heap = new FakeHeap(tables);
        long set = heap.set(heap.integer(BigInteger.ONE), heap.str("<dummy key>"));
        ObjectReader objects = ObjectReader.python3KeySharingDicts(
                new RemoteReader(heap.memory(), TargetArch.X86_64), tables);
        return new ReprFormatter(objects, tables).format(set, 128);
    }
}
