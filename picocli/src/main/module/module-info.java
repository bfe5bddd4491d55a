// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * picocli, compiled here from its own sources: the descriptor its published jar carries
 * ({@code META-INF/versions/9/module-info.class}). It reads java.sql types reflectively, when present.
 */
module info.picocli {
    requires static java.sql;

    exports picocli;
}
