// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every plan of a batched read covers each non-empty request exactly once, inside a span no larger than allowed. */
class ReadSpansPropertyTest {
    @Property(tries = 500)
    void spansCoverEveryRequestOnce(@ForAll("requests") List<ReadRequest> requests) {
        List<ReadSpans.Span> spans = ReadSpans.plan(requests);

        List<ReadRequest> planned = new ArrayList<>();
        for (ReadSpans.Span span : spans) {
            assertThat(span.length()).isBetween(0, ReadSpans.MAX_SPAN);
            for (ReadRequest request : span.requests()) {
                assertThat(request.address()).isGreaterThanOrEqualTo(span.start());
                if (span.requests().size() > 1) {
                    assertThat(request.address() + request.target().remaining())
                            .isLessThanOrEqualTo(span.start() + span.length());
                }
                planned.add(request);
            }
        }
        assertThat(planned).containsExactlyInAnyOrderElementsOf(
                requests.stream().filter(request -> request.target().remaining() > 0).toList());
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).start());
        }
    }

    @Provide
    Arbitrary<List<ReadRequest>> requests() {
        Arbitrary<ReadRequest> request = Combinators.combine(
                Arbitraries.longs().between(0x1000, 0x1000 + 3 * ReadSpans.MAX_SPAN),
                Arbitraries.integers().between(0, 70_000))
                .as((address, length) -> new ReadRequest(address, ByteBuffer.allocate(length)));
        return request.list().ofMaxSize(40);
    }
}
