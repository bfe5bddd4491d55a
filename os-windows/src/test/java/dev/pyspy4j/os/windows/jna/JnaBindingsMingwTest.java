// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows.jna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.windows.MingwTools;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
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
    void kernel32ExportsEveryBoundFunction() {
        assertThat(exports("libkernel32.a")).containsAll(declared(Kernel32.class));
    }

    @Test
    void ntdllExportsEveryBoundFunction() {
        assertThat(exports("libntdll.a")).containsAll(declared(Ntdll.class));
    }

    @Test
    void aNameNoDllExportsIsNotListed() {
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
    private static Set<String> exports(String importLibrary) {
        String listing = MingwTools.run("x86_64-w64-mingw32-nm", LIBRARIES + importLibrary).succeeded();
        return listing.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(symbol -> symbol.startsWith("__imp_")).map(symbol -> symbol.substring("__imp_".length()))
                .collect(Collectors.toSet());
    }
}
