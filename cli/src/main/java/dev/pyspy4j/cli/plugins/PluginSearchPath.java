// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.plugins;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where pyspy4j looks for plugin jars, in this order: the {@code plugins} directory beside the launcher script,
 * the one beside pyspy4j's own jar, {@code $XDG_CONFIG_HOME/pyspy4j/plugins} (by default
 * {@code ~/.config/pyspy4j/plugins}), then every entry of {@code PYSPY4J_PLUGIN_PATH} (colon-separated jars or
 * directories). A directory contributes its {@code *.jar} files sorted by name, so the order is the same on every
 * run; a directory that does not exist contributes nothing.
 */
public final class PluginSearchPath {
    /** The environment variable listing extra plugin jars and directories. */
    public static final String PATH_VARIABLE = "PYSPY4J_PLUGIN_PATH";
    /** The system property the launcher sets to its own directory. */
    public static final String LAUNCHER_DIRECTORY_PROPERTY = "pyspy4j.home";
    private static final String PLUGINS = "plugins";

    private final List<Path> defaultDirectories;
    private final List<Path> explicitEntries;

    private PluginSearchPath(List<Path> defaultDirectories, List<Path> explicitEntries) {
        this.defaultDirectories = List.copyOf(defaultDirectories);
        this.explicitEntries = List.copyOf(explicitEntries);
    }

    /**
     * The search path of one run.
     *
     * @param environment       the process environment ({@code XDG_CONFIG_HOME}, {@code HOME}, {@code PYSPY4J_PLUGIN_PATH})
     * @param launcherDirectory the directory of the {@code pyspy4j} script, when started by it
     * @param jarDirectory      the directory of pyspy4j's jar, when running from one
     */
    public static PluginSearchPath of(Map<String, String> environment, Optional<Path> launcherDirectory,
                                      Optional<Path> jarDirectory) {
        List<Path> defaults = new ArrayList<>();
        launcherDirectory.ifPresent(directory -> defaults.add(directory.resolve(PLUGINS)));
        jarDirectory.ifPresent(directory -> defaults.add(directory.resolve(PLUGINS)));
        configDirectory(environment).ifPresent(directory -> defaults.add(directory.resolve("pyspy4j").resolve(PLUGINS)));
        List<Path> explicit = new ArrayList<>();
        for (String entry : environment.getOrDefault(PATH_VARIABLE, "").split(":")) {
            if (!entry.isBlank()) {
                explicit.add(Path.of(entry));
            }
        }
        return new PluginSearchPath(defaults, explicit);
    }

    /** The search path of this JVM: its environment, the launcher's directory property and its own jar. */
    public static PluginSearchPath fromSystem() {
        Optional<Path> launcher = Optional.ofNullable(System.getProperty(LAUNCHER_DIRECTORY_PROPERTY))
                .filter(value -> !value.isBlank()).map(Path::of);
        return of(System.getenv(), launcher, ownJarDirectory());
    }

    /**
     * XDG's rule: {@code XDG_CONFIG_HOME} when it is set to an absolute path, else {@code $HOME/.config}.
     */
    static Optional<Path> configDirectory(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_CONFIG_HOME", "");
        if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg));
        }
        String home = environment.getOrDefault("HOME", "");
        return home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".config"));
    }

    private static Optional<Path> ownJarDirectory() {
        try {
            var source = PluginSearchPath.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Every plugin jar on the search path, in search order, each once. A {@code PYSPY4J_PLUGIN_PATH} entry that does
     * not exist is reported to {@code warnings}, as it is most likely a typing mistake; the default directories are
     * optional.
     */
    public List<Path> jars(Consumer<String> warnings) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path directory : defaultDirectories) {
            if (Files.isDirectory(directory)) {
                addJarsIn(directory, jars, warnings);
            }
        }
        for (Path entry : explicitEntries) {
            if (Files.isDirectory(entry)) {
                addJarsIn(entry, jars, warnings);
            } else if (Files.exists(entry)) {
                jars.add(canonical(entry));
            } else {
                warnings.accept("pyspy4j: " + PATH_VARIABLE + " names '" + entry + "', which does not exist; ignored");
            }
        }
        return List.copyOf(jars);
    }

    private static void addJarsIn(Path directory, Set<Path> jars, Consumer<String> warnings) {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .forEach(file -> jars.add(canonical(file)));
        } catch (IOException | SecurityException e) {
            warnings.accept("pyspy4j: cannot list the plugin directory '" + directory + "': " + e.getMessage()
                    + "; its plugins are not loaded");
        }
    }

    /** The real path where there is one, so a jar reached twice (e.g. through a symbolic link) loads once. */
    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
