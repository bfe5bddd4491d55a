// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the tests find the machine's real binaries and the checked-in fixtures. */
final class Binaries {
    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3.11");
    static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
    static final String HELLO = "linux_amd64_hello.elf";
    static final String HELLO_MINIDEBUGINFO = "linux_amd64_hello_minidebuginfo.elf";
    /** {@link #HELLO} with a {@code .gnu_debuglink} naming {@link #HELLO_DEBUG}. */
    static final String HELLO_DEBUGLINK = "linux_amd64_hello_debuglink.elf";
    /** {@code objcopy --only-keep-debug} of {@link #HELLO}. */
    static final String HELLO_DEBUG = "linux_amd64_hello.debug";

    private Binaries() {
    }

    /** pyenv's root: {@code $PYENV_ROOT}, else {@code $HOME/.pyenv}. */
    static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    static Path libpython311() {
        return pyenvRoot().resolve("versions/3.11.7/lib/libpython3.11.so.1.0");
    }

    static Path libpython27() {
        return pyenvRoot().resolve("versions/2.7.18/lib/libpython2.7.so.1.0");
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = Binaries.class.getResourceAsStream("/fixtures/elf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture into {@code directory} so that tools and {@link ElfFile#open} can read it as a file. */
    static Path fixtureFile(String name, Path directory) {
        try (InputStream in = Binaries.class.getResourceAsStream("/fixtures/elf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            Path file = directory.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
