// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every generated table as loaded by {@link StructLayouts}: complete for its family and self-consistent. */
class GeneratedLayoutsSanityTest {
    /** Flexible array members ({@code char dk_indices[]}) start exactly at the end of their struct. */
    private static final List<String> FLEXIBLE_ARRAYS = List.of("_dictkeysobject.dk_indices");

    static Stream<String> versions() {
        return LayoutTables.files().stream().map(LayoutTables::minorVersion);
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void hasTheFieldsItsFamilyNeedsAndNoneItRemoved(String version) {
        StructLayouts layouts = StructLayouts.load(version);
        FamilyRequirements family = FamilyRequirements.of(version);

        assertThat(layouts.entries().keySet()).containsAll(family.required()).doesNotContainAnyElementsOf(
                family.forbidden());
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void everyOffsetLiesInsideItsStruct(String version) {
        StructLayouts layouts = StructLayouts.load(version);
        layouts.entries().forEach((key, offset) -> {
            if (!key.startsWith("sizeof(") && !key.startsWith("const.") && !key.startsWith("mask.")) {
                String struct = key.substring(0, key.indexOf('.'));
                long size = layouts.size(struct);
                assertThat(offset).as(key).isNotNegative().isLessThanOrEqualTo(size);
                if (!FLEXIBLE_ARRAYS.contains(key)) {
                    assertThat(offset).as(key).isLessThan(size);
                }
            }
        });
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void sizesArePlausibleForX8664(String version) {
        StructLayouts layouts = StructLayouts.load(version);
        // A release (non-debug, non-free-threaded) x86_64 build: PyObject is a refcount and a type pointer.
        assertThat(layouts.size("PyObject")).isEqualTo(16);
        assertThat(layouts.size("PyVarObject")).isEqualTo(24);
        assertThat(layouts.offset("PyObject.ob_type")).isEqualTo(8);
        layouts.entries().forEach((key, value) -> {
            if (key.startsWith("sizeof(")) {
                assertThat(value).as(key).isPositive().isLessThan(1 << 20);
                assertThat(value % 8).as("%s is pointer-aligned", key).isZero();
            }
        });
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void nestedGilFieldsAgreeWithTheGilStruct(String version) {
        StructLayouts layouts = StructLayouts.load(version);
        for (String gil : List.of("_PyRuntimeState.ceval.gil", "PyInterpreterState._gil")) {
            for (String field : List.of("last_holder", "locked", "interval")) {
                if (layouts.has(gil + "." + field)) {
                    assertThat(layouts.offset(gil + "." + field) - layouts.offset(gil)).as(gil + "." + field)
                            .isEqualTo(layouts.offset("_gil_runtime_state." + field));
                }
            }
        }
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void bitFieldMasksAreDisjointRunsOfBits(String version) {
        Map<String, Long> seenByUnit = new HashMap<>();
        StructLayouts.load(version).entries().forEach((key, mask) -> {
            if (key.startsWith("mask.")) {
                String unit = key.substring(0, key.lastIndexOf('.'));
                long run = mask >>> Long.numberOfTrailingZeros(mask);
                long seen = seenByUnit.getOrDefault(unit, 0L);
                assertThat(mask).as(key).isPositive().isLessThanOrEqualTo(0xffff_ffffL);
                assertThat(run & (run + 1)).as("%s is one run of bits", key).isZero();
                assertThat(seen & mask).as("%s overlaps another bit-field of its unit", key).isZero();
                seenByUnit.put(unit, seen | mask);
            }
        });
    }

    @ParameterizedTest(name = "CPython {0}")
    @MethodSource("versions")
    void typeFlagsAreSingleBits(String version) {
        StructLayouts.load(version).entries().forEach((key, value) -> {
            if (key.startsWith("const.Py_TPFLAGS_") && !key.equals("const.Py_TPFLAGS_PREHEADER")) {
                assertThat(Long.bitCount(value)).as(key).isEqualTo(1);
            }
        });
    }
}
