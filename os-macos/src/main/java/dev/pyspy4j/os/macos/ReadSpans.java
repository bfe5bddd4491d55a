// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.spi.process.ReadRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the ranges of a batched read into spans that one {@code mach_vm_read_overwrite} can copy: ranges sorted by
 * address, joined while the gap between them is at most {@link #MAX_GAP} bytes and the span stays within
 * {@link #MAX_SPAN}. Each Mach call costs a message round trip, far more than copying a few hundred extra bytes.
 */
final class ReadSpans {
    static final int MAX_GAP = 512;
    static final int MAX_SPAN = 1 << 20;

    /** Ranges copied by one call: {@code length} bytes from {@code start}, covering every request in it. */
    record Span(long start, int length, List<ReadRequest> requests) {
    }

    private ReadSpans() {
    }

    static List<Span> plan(List<ReadRequest> requests) {
        List<ReadRequest> sorted = new ArrayList<>(requests);
        sorted.removeIf(request -> request.target().remaining() == 0);
        sorted.sort(Comparator.comparingLong(ReadRequest::address));
        List<Span> spans = new ArrayList<>();
        List<ReadRequest> current = new ArrayList<>();
        long start = 0;
        long end = 0;
        for (ReadRequest request : sorted) {
            long requestEnd = request.address() + request.target().remaining();
            boolean joins = !current.isEmpty() && end > start && requestEnd > request.address()
                    && request.address() >= start && request.address() - end <= MAX_GAP
                    && Math.max(end, requestEnd) - start <= MAX_SPAN;
            if (!joins && !current.isEmpty()) {
                spans.add(new Span(start, (int) (end - start), List.copyOf(current)));
                current.clear();
            }
            if (current.isEmpty()) {
                start = request.address();
                end = requestEnd;
            } else {
                end = Math.max(end, requestEnd);
            }
            current.add(request);
        }
        if (!current.isEmpty()) {
            spans.add(new Span(start, (int) (end - start), List.copyOf(current)));
        }
        return spans;
    }
}
