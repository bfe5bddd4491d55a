// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a distribution's launcher as on a machine that has only what the launcher needs: no variable of the build's
 * environment, and a PATH of one directory holding links to the few tools it calls (no java unless a test adds one).
 */
final class LauncherRun {
    private LauncherRun() {
    }

    /** The directory {@code directory/tools} with a link to each of {@code tools} of /usr/bin, made once. */
    static Path tools(Path directory, List<String> tools) throws IOException {
        Path bin = Files.createDirectories(directory.resolve("tools"));
        for (String tool : tools) {
            Path link = bin.resolve(tool);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("/usr/bin", tool));
            }
        }
        return bin;
    }

    /** Runs {@code launcher args...} in {@code directory} with PATH={@code tools}, UTF-8 and {@code environment}. */
    static Pyspy4jJar.Result run(Path launcher, Path directory, Path tools, Map<String, String> environment,
                                 String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return Pyspy4jJar.runCommand(command, directory, variables -> {
            variables.clear();
            variables.put("PATH", tools.toString());
            variables.put("LC_ALL", "C.UTF-8");
            variables.putAll(environment);
        });
    }
}
