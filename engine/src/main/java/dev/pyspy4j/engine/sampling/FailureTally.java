// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failed reads of a run, counted by reason, so that a summary can say why samples failed without
 * {@code --verbose}: a reason is a few words that stay the same from one failure to the next.
 */
public final class FailureTally {
    private final Map<String, Count> byReason = new LinkedHashMap<>();
    private long total;

    /** Counts one failed read. */
    public void add(SpyException failure) {
        total++;
        byReason.computeIfAbsent(reasonOf(failure), reason -> new Count()).add(failure);
    }

    public long total() {
        return total;
    }

    /** The counts, most frequent reason first, e.g. {@code torn stack: 9, traced by process 42: 3}; empty if none. */
    public String breakdown() {
        return byReason().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The counts by reason, most frequent first (the first reason seen wins a tie). */
    public Map<String, Long> byReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byReason.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Count> entry) -> entry.getValue().times).reversed())
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().times));
        return counts;
    }

    /** The latest failure of the most frequent reason (the first reason seen wins a tie), if anything failed. */
    public Optional<SpyException> mostCommon() {
        return byReason.values().stream().max(Comparator.comparingLong(count -> count.times))
                .map(count -> count.latest);
    }

    /**
     * The reason a failure is counted under: a debugger already attached, named by its process since that is what
     * the user must act on; else the provider's own reason; else the kind of failure.
     */
    static String reasonOf(SpyException failure) {
        if (failure instanceof PermissionDeniedException denied && denied.denial().tracerPid().isPresent()) {
            return "traced by process " + denied.denial().tracerPid().getAsLong();
        }
        return failure.reason().orElseGet(() -> switch (failure.kind()) {
            case PERMISSION_DENIED -> "permission denied";
            case PROCESS_EXITED, PROCESS_NOT_FOUND -> "process exited";
            case NOT_PYTHON -> "not a Python process";
            case UNSUPPORTED_PYTHON -> "unsupported Python";
            case MEMORY_READ -> "unreadable memory";
            case INTERNAL -> "internal error";
            default -> failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        });
    }

    private static final class Count {
        private long times;
        private SpyException latest;

        void add(SpyException failure) {
            times++;
            latest = failure;
        }
    }
}
