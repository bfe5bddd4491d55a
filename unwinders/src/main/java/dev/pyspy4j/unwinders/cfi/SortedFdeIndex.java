// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An index built by reading every FDE of a section once, for sections without a search table: {@code .debug_frame}
 * always, {@code .eh_frame} when the binary has no {@code .eh_frame_hdr} (static executables often have none).
 */
final class SortedFdeIndex implements FdeIndex {
    private final FrameDescriptionEntry[] byStart;

    SortedFdeIndex(CfiSection section) {
        List<FrameDescriptionEntry> fdes = section.allFdes();
        this.byStart = fdes.stream()
                .sorted(Comparator.comparing(FrameDescriptionEntry::pcBegin, Long::compareUnsigned))
                .toArray(FrameDescriptionEntry[]::new);
    }

    int size() {
        return byStart.length;
    }

    @Override
    public Optional<FrameDescriptionEntry> find(long pc) {
        int low = 0;
        int high = byStart.length - 1;
        int best = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(byStart[middle].pcBegin(), pc) <= 0) {
                best = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        // Ranges may nest or overlap in malformed or unusual tables; look back over entries starting at pc or before.
        for (int i = best; i >= 0 && i > best - 8; i--) {
            if (byStart[i].covers(pc)) {
                return Optional.of(byStart[i]);
            }
        }
        return Optional.empty();
    }
}
