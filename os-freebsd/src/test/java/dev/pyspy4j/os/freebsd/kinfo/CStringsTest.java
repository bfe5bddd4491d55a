// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CStringsTest {
    @Test
    void argumentsEndInNul() {
        assertThat(CStrings.list("python3.11\0-c\0print(1)\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("python3.11", "-c", "print(1)");
    }

    @Test
    void emptyArgumentsAreKeptAndALastOneWithoutNulToo() {
        assertThat(CStrings.list("a\0\0b".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "", "b");
        assertThat(CStrings.list(new byte[0])).isEmpty();
    }

    @Test
    void pathEndsAtItsNul() {
        assertThat(CStrings.of("/usr/local/bin/python3.11\0garbage".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("/usr/local/bin/python3.11");
    }
}
