// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import picocli.CommandLine;

/** Answers {@code --version} with {@code pyspy4j <version>}, the version Maven filtered into a resource. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildVersion.producer()};
    }
}
