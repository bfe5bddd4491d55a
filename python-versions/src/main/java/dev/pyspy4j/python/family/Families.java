// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every version family this provider knows, oldest first. */
public final class Families {
    private static final List<VersionFamily> ALL = List.of(new FrameObjectFamily(2, 7),
            new FrameObjectFamily(3, 3), new FrameObjectFamily(3, 4), new FrameObjectFamily(3, 5),
            new FrameObjectFamily(3, 6), new FrameObjectFamily(3, 7), new FrameObjectFamily(3, 8),
            new FrameObjectFamily(3, 9), new FrameObjectFamily(3, 10), InterpreterFrameFamily.v311(),
            InterpreterFrameFamily.v312(), new DebugOffsetsFamily());

    private Families() {
    }

    public static Optional<VersionFamily> forVersion(PythonVersion version) {
        return ALL.stream().filter(f -> f.supports(version)).findFirst();
    }

    /** For messages and help, oldest first: {@code 2.7, 3.3, ..., 3.13+}. */
    public static String describeAll() {
        return ALL.stream().map(VersionFamily::describe).collect(Collectors.joining(", "));
    }
}
