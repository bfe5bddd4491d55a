// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which threads a sample reads: every thread, or those the user named by OS thread id ({@code --tid}, the ids a
 * dump shows) and whose Python thread name matches a regular expression ({@code --threads-matching}). A thread must
 * pass both when both are given; a thread without a Python name never matches a name.
 *
 * @param osThreadIds the ids to keep; empty for any
 * @param nameMatching a regular expression found anywhere in the name; empty for any
 */
public record ThreadSelection(Set<Long> osThreadIds, Optional<Pattern> nameMatching) {
    /** Every thread. */
    public static final ThreadSelection ALL = new ThreadSelection(Set.of(), Optional.empty());

    public ThreadSelection {
        osThreadIds = Set.copyOf(osThreadIds);
        Objects.requireNonNull(nameMatching, "nameMatching is null");
    }

    /** Whether every thread is selected, so that nothing needs to be asked of a thread. */
    public boolean isAll() {
        return osThreadIds.isEmpty() && nameMatching.isEmpty();
    }

    /** Whether a name is needed to decide. */
    public boolean needsNames() {
        return nameMatching.isPresent();
    }

    /**
     * @param osThreadId the thread's id as this machine's kernel knows it; 0 when unknown
     * @param name       the thread's Python name; {@code null} when it has none
     */
    public boolean selects(long osThreadId, String name) {
        boolean idSelected = osThreadIds.isEmpty() || osThreadIds.contains(osThreadId);
        boolean nameSelected = nameMatching.isEmpty() || name != null && nameMatching.get().matcher(name).find();
        return idSelected && nameSelected;
    }
}
