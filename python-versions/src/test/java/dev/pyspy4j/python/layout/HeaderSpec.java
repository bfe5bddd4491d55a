// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import dev.pyspy4j.testsupport.InterpreterLocations;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a layout file names a header set: {@code <include dir>[:<pyconfig.h dir>]}, with pyenv's root written as
 * {@code $PYENV_ROOT} so that the checked-in files do not depend on where pyenv lives.
 */
final class HeaderSpec {
    static final String PYENV_VARIABLE = "$PYENV_ROOT";

    private HeaderSpec() {
    }

    /** pyenv's root: {@code PYENV_ROOT}, else {@code ~/.pyenv} (what pyenv itself defaults to). */
    static Path pyenvRoot() {
        return InterpreterLocations.pyenvRoot();
    }

    static HeaderSet parse(String spec) {
        String[] parts = spec.split(":", 2);
        return HeaderSet.detect(expand(parts[0]), parts.length > 1 ? Optional.of(expand(parts[1])) : Optional.empty());
    }

    static String format(HeaderSet headers) {
        return abbreviate(headers.includeDir()) + headers.configDir().map(dir -> ":" + abbreviate(dir)).orElse("");
    }

    private static Path expand(String path) {
        return path.startsWith(PYENV_VARIABLE)
                ? Path.of(pyenvRoot() + path.substring(PYENV_VARIABLE.length()))
                : Path.of(path);
    }

    static String abbreviate(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = pyenvRoot().toAbsolutePath().normalize();
        return absolute.startsWith(root) ? PYENV_VARIABLE + "/" + root.relativize(absolute) : absolute.toString();
    }
}
