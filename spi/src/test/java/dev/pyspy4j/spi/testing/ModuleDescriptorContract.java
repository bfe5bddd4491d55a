// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A provider module is found two ways: on the class path (the shaded jar) through its {@code META-INF/services}
 * files, on the module path through its descriptor's {@code provides}. Both must name the same providers, or a
 * provider vanishes in one of the two.
 */
public final class ModuleDescriptorContract {
    private ModuleDescriptorContract() {
    }

    /** Checks the module that holds {@code anyClass} (its compiled classes directory). */
    public static void providesWhatItsServiceFilesList(Class<?> anyClass) throws IOException, URISyntaxException {
        Path classes = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Map<String, List<String>> declared = new TreeMap<>();
        descriptor.provides().forEach(provides -> declared.put(provides.service(), provides.providers()));
        assertThat(declared).as("provides of module %s", descriptor.name()).isEqualTo(serviceFiles(classes));
    }

    private static Map<String, List<String>> serviceFiles(Path classes) throws IOException {
        Path services = classes.resolve("META-INF/services");
        Map<String, List<String>> listed = new TreeMap<>();
        if (!Files.isDirectory(services)) {
            return listed;
        }
        try (Stream<Path> files = Files.list(services)) {
            for (Path file : files.sorted().toList()) {
                listed.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                        .collect(Collectors.toList()));
            }
        }
        return listed;
    }
}
