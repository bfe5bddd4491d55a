// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Encodes generated programs with reference copies of CPython's encoders and checks that each decoder returns
 * the program's line for every byte offset, before it and past its end.
 */
class LineTableRoundTripPropertiesTest {
    /** 2.7 and 3.3-3.5, whose families pick this decoder (FrameObjectFamilyVersionsTest). */
    @Property(tries = 500)
    void unsignedLnotabRoundTrips(@ForAll("lnotabUnsigned") Program program) {
        byte[] table = LnotabReferenceEncoder.encode(false, program.firstLine(), program.instructions());

        assertDecodes(LineTableDecoders.lnotab(false), table, program);
    }

    @Property(tries = 500)
    void signedLnotabRoundTrips(@ForAll("lnotabSigned") Program program) {
        byte[] table = LnotabReferenceEncoder.encode(true, program.firstLine(), program.instructions());

        assertDecodes(LineTableDecoders.lnotab(true), table, program);
    }

    @Property(tries = 500)
    void linetable310RoundTrips(@ForAll("linetable310") Program program) {
        byte[] table = Linetable310ReferenceEncoder.encode(program.firstLine(), program.instructions());

        assertDecodes(LineTableDecoders.linetable310(), table, program);
    }

    @Property(tries = 500)
    void locationTableRoundTrips(@ForAll("locationTable") Program program) {
        byte[] table = LocationTableReferenceEncoder.encode(program.firstLine(), program.instructions());

        assertDecodes(LineTableDecoders.locationTable(), table, program);
    }

    @Provide
    Arbitrary<Program> lnotabUnsigned() {
        return Programs.lnotabUnsigned();
    }

    @Provide
    Arbitrary<Program> lnotabSigned() {
        return Programs.lnotabSigned();
    }

    @Provide
    Arbitrary<Program> linetable310() {
        return Programs.linetable310();
    }

    @Provide
    Arbitrary<Program> locationTable() {
        return Programs.locationTable();
    }

    private static void assertDecodes(LineTableDecoder decoder, byte[] table, Program program) {
        LineTable decoded = decoder.decode(table, program.firstLine());
        int[] expected = program.expectedLinePerByte();
        int[] actual = new int[expected.length];
        for (int offset = 0; offset < expected.length; offset++) {
            actual[offset] = decoded.lineAt(offset);
        }

        assertThat(actual).as("lines per byte offset of %s", decoded).containsExactly(expected);
        assertThat(decoded.lineAt(-2)).as("before the first instruction").isEqualTo(program.firstLine());
        assertThat(decoded.lineAt(expected.length + 7)).as("past the end").isEqualTo(program.expectedLineAfterEnd());
    }
}
