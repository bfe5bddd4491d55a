// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every function the JNA bindings declare is exported by the DLL they bind it from, by the exact name JNA looks up:
 * checked against the import libraries of MinGW-w64 ({@code libkernel32.a}, {@code libntdll.a}), which list each
 * DLL's exports. The bindings themselves only run on Windows, which these tests never do.
 */
class JnaBindingsMingwTest {
    private static final String LIBRARIES = "/usr/x86_64-w64-mingw32/lib/";

    @Test
    void kernel32ExportsEveryBoundFunction() throws Exception {
        assertThat(exports("libkernel32.a")).containsAll(declared(Kernel32.class));
    }

    @Test
    void ntdllExportsEveryBoundFunction() throws Exception {
        assertThat(exports("libntdll.a")).containsAll(declared(Ntdll.class));
    }

    @Test
    void aNameNoDllExportsIsNotListed() throws Exception {
        assertThat(exports("libkernel32.a")).doesNotContain("QueryFullProcessImageName")
                .contains("QueryFullProcessImageNameW");
    }

    private static Set<String> declared(Class<?> library) {
        Set<String> names = Arrays.stream(library.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(names).isNotEmpty();
        return names;
    }

    /** The names the import library's {@code __imp_} symbols give. */
    private static Set<String> exports(String importLibrary) throws IOException, InterruptedException {
        Process nm;
        try {
            nm = new ProcessBuilder("x86_64-w64-mingw32-nm", LIBRARIES + importLibrary).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("x86_64-w64-mingw32-nm and MinGW-w64's import libraries are needed: apt-get "
                    + "install gcc-mingw-w64-x86-64", e);
        }
        String listing = new String(nm.getInputStream().readAllBytes());
        assertThat(nm.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(nm.exitValue()).as(listing).isZero();
        return listing.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(symbol -> symbol.startsWith("__imp_")).map(symbol -> symbol.substring("__imp_".length()))
                .collect(Collectors.toSet());
    }
}
