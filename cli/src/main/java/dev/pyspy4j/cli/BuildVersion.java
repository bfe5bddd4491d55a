// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version this jar was built as, from the resource Maven filtered it into. */
public final class BuildVersion {
    private static final String RESOURCE = "version.properties";

    private BuildVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource '" + RESOURCE + "' is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource '" + RESOURCE + "'", e);
        }
    }

    /** The tool and its version, e.g. {@code pyspy4j 0.1.0}, as output formats record it. */
    public static String producer() {
        return "pyspy4j " + version();
    }
}
