// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether native stacks are collected and merged with the Python ones ({@code --native}), and with which unwinder.
 *
 * @param enabled    collect native stacks
 * @param unwinderId the unwinder asked for ({@code --unwinder}); empty for the supported one with the highest
 *                   priority
 */
public record NativeMode(boolean enabled, Optional<String> unwinderId) {
    /** Python stacks only. */
    public static final NativeMode OFF = new NativeMode(false, Optional.empty());

    public NativeMode {
        Objects.requireNonNull(unwinderId, "unwinderId is null");
        if (!enabled && unwinderId.isPresent()) {
            throw new IllegalArgumentException("an unwinder was chosen without native stacks");
        }
    }

    /** Native stacks, unwound by {@code unwinderId} or else by the default unwinder. */
    public static NativeMode on(Optional<String> unwinderId) {
        return new NativeMode(true, unwinderId);
    }
}
