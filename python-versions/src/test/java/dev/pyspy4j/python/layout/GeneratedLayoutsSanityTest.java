// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.TargetArch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every generated table of every architecture as loaded by {@link StructLayouts}: complete for its family
 * and self-consistent.
 */
class GeneratedLayoutsSanityTest {
    /** Flexible array members ({@code char dk_indices[]}) start exactly at the end of their struct. */
    private static final List<String> FLEXIBLE_ARRAYS = List.of("_dictkeysobject.dk_indices");

    static Stream<Arguments> versions() {
        return StructLayouts.ARCHITECTURES.stream().flatMap(arch -> LayoutTables.files(arch).stream()
                .map(file -> Arguments.of(Named.of(arch.name(), arch), LayoutTables.minorVersion(file))));
    }

    @Test
    void everyArchitectureDirectoryIsOneStructLayoutsLoadsFrom() {
        List<String> loaded = StructLayouts.ARCHITECTURES.stream().map(TargetArch::name).toList();

        assertThat(LayoutTables.architectureDirectories()).containsExactlyInAnyOrderElementsOf(loaded);
    }

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void hasTheFieldsItsFamilyNeedsAndNoneItRemoved(TargetArch arch, String version) {
        StructLayouts layouts = StructLayouts.load(arch, version);
        FamilyRequirements family = FamilyRequirements.of(version);

        assertThat(layouts.entries().keySet()).containsAll(family.required()).doesNotContainAnyElementsOf(
                family.forbidden());
    }

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void everyOffsetLiesInsideItsStruct(TargetArch arch, String version) {
        StructLayouts layouts = StructLayouts.load(arch, version);
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

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void sizesArePlausibleForTheArchitecture(TargetArch arch, String version) {
        StructLayouts layouts = StructLayouts.load(arch, version);
        int word = arch.pointerSize();
        // A release (non-debug) build: PyObject is a refcount and a type pointer, both words; a free-threaded one
        // puts an owning thread id, a word of flags, lock and local refcount, and a shared refcount before the type.
        int header = FamilyRequirements.of(version).freeThreaded() ? 4 : 2;
        assertThat(layouts.size("PyObject")).isEqualTo(header * word);
        assertThat(layouts.size("PyVarObject")).isEqualTo((header + 1) * word);
        assertThat(layouts.offset("PyObject.ob_type")).isEqualTo((header - 1) * word);
        layouts.entries().forEach((key, value) -> {
            if (key.startsWith("sizeof(")) {
                assertThat(value).as(key).isPositive().isLessThan(1 << 20);
                assertThat(value % word).as("%s is pointer-aligned", key).isZero();
            }
        });
    }

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void nestedGilFieldsAgreeWithTheGilStruct(TargetArch arch, String version) {
        StructLayouts layouts = StructLayouts.load(arch, version);
        for (String gil : List.of("_PyRuntimeState.ceval.gil", "PyInterpreterState._gil")) {
            for (String field : List.of("last_holder", "locked", "interval")) {
                if (layouts.has(gil + "." + field)) {
                    assertThat(layouts.offset(gil + "." + field) - layouts.offset(gil)).as(gil + "." + field)
                            .isEqualTo(layouts.offset("_gil_runtime_state." + field));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void bitFieldMasksAreDisjointRunsOfBits(TargetArch arch, String version) {
        Map<String, Long> seenByUnit = new HashMap<>();
        StructLayouts.load(arch, version).entries().forEach((key, mask) -> {
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

    @ParameterizedTest(name = "{0} CPython {1}")
    @MethodSource("versions")
    void typeFlagsAreSingleBits(TargetArch arch, String version) {
        StructLayouts.load(arch, version).entries().forEach((key, value) -> {
            if (key.startsWith("const.Py_TPFLAGS_") && !key.equals("const.Py_TPFLAGS_PREHEADER")) {
                assertThat(Long.bitCount(value)).as(key).isEqualTo(1);
            }
        });
    }
}
