// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SPI is a contract with providers built elsewhere, third-party plugins included: its public surface is checked
 * in ({@value #LISTING}) together with the {@link SpiVersion} it belongs to, and any change fails this test until
 * both are updated on purpose. After a deliberate change, bump {@link SpiVersion#CURRENT} when the change breaks
 * providers built before it, then regenerate the listing with {@code -Dpyspy4j.spi.surface.update=true}.
 */
class SpiSurfaceTest {
    private static final String LISTING = "spi-surface.txt";
    private static final Path CHECKED_IN = Path.of("src/test/resources/dev/pyspy4j/spi", LISTING);

    @Test
    void publicSurfaceMatchesTheCheckedInListing() throws Exception {
        String actual = listing();
        if (Boolean.getBoolean("pyspy4j.spi.surface.update")) {
            Files.writeString(CHECKED_IN, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("the SPI's public surface changed: if on purpose, bump SpiVersion.CURRENT where providers built"
                        + " against the old one break, and regenerate %s with -Dpyspy4j.spi.surface.update=true",
                        CHECKED_IN)
                .isEqualTo(actual);
    }

    @Test
    void listingNamesTheCurrentVersion() throws IOException {
        assertThat(Files.readAllLines(CHECKED_IN, StandardCharsets.UTF_8).get(0))
                .isEqualTo("SpiVersion.CURRENT = " + SpiVersion.CURRENT);
    }

    private static String listing() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SpiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SpiSurfaceTest.class.getClassLoader());
                if (isVisible(type)) {
                    lines.addAll(describe(type));
                }
            }
        }
        return "SpiVersion.CURRENT = " + SpiVersion.CURRENT + "\n" + String.join("\n", lines) + "\n";
    }

    /** Public, and reachable: every enclosing class public too. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(Class<?> type) {
        List<String> members = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isExposed(constructor)) {
                members.add("  " + constructor.toGenericString());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isExposed(method) && !method.isSynthetic() && !method.isBridge()) {
                members.add("  " + method.toGenericString());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isExposed(field) && !field.isSynthetic()) {
                members.add("  " + field.toGenericString());
            }
        }
        members.sort(null);
        List<String> lines = new ArrayList<>();
        lines.add(kind(type) + " " + type.getName() + supertypes(type));
        lines.addAll(members);
        return lines;
    }

    private static boolean isExposed(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        if (type.isRecord()) {
            return "record";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return type.isInterface() ? "interface" : Modifier.toString(type.getModifiers()) + " class";
    }

    private static String supertypes(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class
                && type.getSuperclass() != Record.class && type.getSuperclass() != Enum.class) {
            names.add(type.getGenericSuperclass().getTypeName());
        }
        for (var implemented : type.getGenericInterfaces()) {
            names.add(implemented.getTypeName());
        }
        return names.isEmpty() ? "" : " : " + String.join(", ", names);
    }
}
