// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.demangle.GeneratedName.Arg;
import dev.pyspy4j.binaries.demangle.GeneratedName.Builtin;
import dev.pyspy4j.binaries.demangle.GeneratedName.ClassRef;
import dev.pyspy4j.binaries.demangle.GeneratedName.Component;
import dev.pyspy4j.binaries.demangle.GeneratedName.Const;
import dev.pyspy4j.binaries.demangle.GeneratedName.Ctor;
import dev.pyspy4j.binaries.demangle.GeneratedName.Dtor;
import dev.pyspy4j.binaries.demangle.GeneratedName.Final;
import dev.pyspy4j.binaries.demangle.GeneratedName.Function;
import dev.pyspy4j.binaries.demangle.GeneratedName.IntArg;
import dev.pyspy4j.binaries.demangle.GeneratedName.Op;
import dev.pyspy4j.binaries.demangle.GeneratedName.Plain;
import dev.pyspy4j.binaries.demangle.GeneratedName.Pointer;
import dev.pyspy4j.binaries.demangle.GeneratedName.Type;
import dev.pyspy4j.binaries.demangle.GeneratedName.TypeArg;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Generated names demangle to the text their model predicts (and the model itself is checked against c++filt
 * once per run); random and mutated inputs never throw and never come out different from c++filt.
 */
class ItaniumDemanglerPropertiesTest {
    /** A small pool, so that names repeat and substitutions are exercised. */
    private static final List<String> IDENTIFIERS = List.of("a", "b", "ns", "vec", "box", "x1", "spin");
    private static final List<Builtin> BUILTINS = List.of(new Builtin('i', "int"), new Builtin('c', "char"),
            new Builtin('d', "double"), new Builtin('b', "bool"), new Builtin('l', "long"),
            new Builtin('j', "unsigned int"), new Builtin('m', "unsigned long"));
    private static final List<Op> OPERATORS = List.of(new Op("pl", "+"), new Op("mi", "-"), new Op("lt", "<"),
            new Op("ls", "<<"), new Op("eq", "=="), new Op("ne", "!="), new Op("cl", "()"), new Op("ix", "[]"),
            new Op("nw", "new"), new Op("dl", "delete"), new Op("aS", "="));
    private static final String MANGLING_ALPHABET = "_0123456789ABCDEFIJKLMNOPRSTVXZabcdefghijlmnoprstvxyz.";
    private static final List<String> SEEDS = List.of(
            "_ZN8fastmath11AccumulatorIdE3addERKSt6vectorIdSaIdEE", "_ZZN8fastmath3runEiENKUliE_clEi",
            "_ZN8fastmath3runEi.cold", "_ZN12_GLOBAL__N_11fEv", "_ZN1AC2IiEET_", "_ZNSs4swapERSs",
            "_ZThn8_N7Derived1fEi", "_ZGVZ3foovE1x", "_Z1fIPFviEEvT_", "_Z1fIM3FooKFvvEEvv",
            "_Z1fIXadL_ZN1B1gEvEEEvv", "_ZN1AB5cxx113getEv", "_ZZN2ns1fEvENUt_3getEv", "_Z1fIJicEEvv",
            "_ZN9__gnu_cxxneIPKdSt6vectorIdSaIdEEEEbRKNS_17__normal_iteratorIT_T0_EESB_",
            "_ZSt12construct_atIiJEEDTgsnwcvPvLi0E_T_pispcl7declvalIT0_EEEEPS1_DpOS2_",
            "_ZTCN1A1BE0_N1C1DE", "_Z1fILin5EEvv", "_Z1fIA5_iEvv", "_ZNSt15__uniq_ptr_dataIiSt14default_deleteIiE"
                    + "Lb1ELb1EECI1St15__uniq_ptr_implIiS1_EEv");

    @Property(tries = 3000)
    void generatedNamesDemangleToTheirText(@ForAll("functions") Function function) {
        String mangled = GeneratedName.mangle(function);
        assertThat(ItaniumDemangler.demangle(mangled)).as(mangled).contains(GeneratedName.expected(function));
    }

    /** The model's expectation is c++filt's text: one c++filt batch over a sample of generated names. */
    @Test
    void theModelAgreesWithCxxfilt() {
        List<Function> sample = functions().sampleStream().limit(2000).toList();
        List<String> mangled = sample.stream().map(GeneratedName::mangle).toList();
        List<String> cxxfilt = Tools.cxxfilt(mangled, "-p");
        for (int i = 0; i < sample.size(); i++) {
            assertThat(cxxfilt.get(i)).as(mangled.get(i)).isEqualTo(GeneratedName.expected(sample.get(i)));
        }
        assertThat(mangled).as("generated names that use substitutions")
                .filteredOn(name -> name.matches(".*S[0-9A-Z]*_.*")).hasSizeGreaterThan(sample.size() / 10);
        assertThat(mangled).as("generated constructors and destructors")
                .filteredOn(name -> name.matches(".*[CD]1.*")).hasSizeGreaterThan(sample.size() / 20);
    }

    @Property(tries = 5000)
    @Fuzz
    void randomInputNeverThrows(@ForAll("randomMangled") String input) {
        assertBoundedAnswer(input);
    }

    @Property(tries = 5000)
    @Fuzz
    void mutatedNamesNeverThrow(@ForAll("mutated") String input) {
        assertBoundedAnswer(input);
    }

    /** "Never a wrong name" for garbage too: mutants are demangled exactly as c++filt does, or not at all. */
    @Test
    void mutatedNamesAreExactOrEmpty() {
        Random random = new Random(20261205L);
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            mutants.add(mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
        }
        List<String> expected = Tools.expectedDemangling(mutants);
        int demangled = 0;
        for (int i = 0; i < mutants.size(); i++) {
            Optional<String> result = ItaniumDemangler.demangle(mutants.get(i));
            if (result.isPresent()) {
                demangled++;
                assertThat(result.get()).as(mutants.get(i)).isEqualTo(expected.get(i));
            }
        }
        System.out.printf("demangle mutants: %d of %d still demangle, all as c++filt does%n", demangled,
                mutants.size());
        assertThat(demangled).as("mutants that still demangle").isPositive();
    }

    private static void assertBoundedAnswer(String input) {
        Optional<String> result = ItaniumDemangler.demangle(input);
        result.ifPresent(text -> assertThat(text.length()).isLessThanOrEqualTo(1 << 16));
    }

    @Provide
    Arbitrary<Function> functions() {
        Arbitrary<List<Component>> scope = components(2).list().ofMaxSize(3);
        Arbitrary<Final> last = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(IDENTIFIERS).map(Plain::new)),
                Tuple.of(2, Arbitraries.just(new Ctor())),
                Tuple.of(1, Arbitraries.just(new Dtor())),
                Tuple.of(2, Arbitraries.of(OPERATORS)));
        Arbitrary<List<Arg>> templateArgs = Arbitraries.oneOf(Arbitraries.just(List.of()), args(2));
        Arbitrary<List<Type>> parameters = types(2).list().ofMaxSize(3);
        return Combinators.combine(scope, last, templateArgs, Arbitraries.of(true, false), types(2),
                parameters).as((s, l, t, c, r, p) -> {
                    boolean member = !s.isEmpty();
                    Final fixedLast = member || l instanceof Plain || l instanceof Op ? l : new Plain("f");
                    List<Arg> fixedArgs = fixedLast instanceof Dtor ? List.of() : t;
                    return new Function(s, fixedLast, fixedArgs, c && member, r, p);
                });
    }

    private static Arbitrary<Component> components(int depth) {
        Arbitrary<List<Arg>> args = depth == 0 ? Arbitraries.just(List.of())
                : Arbitraries.oneOf(Arbitraries.just(List.of()), args(depth - 1));
        return Combinators.combine(Arbitraries.of(IDENTIFIERS), args).as(Component::new);
    }

    private static Arbitrary<List<Arg>> args(int depth) {
        Arbitrary<Arg> arg = Arbitraries.frequencyOf(
                Tuple.of(4, types(depth).map(TypeArg::new)),
                Tuple.of(1, Arbitraries.longs().between(-100, 100).map(IntArg::new)));
        return arg.list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<Type> types(int depth) {
        Arbitrary<Type> builtin = Arbitraries.of(BUILTINS).map(b -> b);
        if (depth == 0) {
            return builtin;
        }
        Arbitrary<Type> inner = Arbitraries.lazy(() -> types(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, builtin),
                Tuple.of(3, components(depth - 1).list().ofMinSize(1).ofMaxSize(3).map(ClassRef::new)),
                Tuple.of(2, inner.map(Pointer::new)),
                Tuple.of(2, inner.map(t -> t instanceof Const ? t : new Const(t))));
    }

    @Provide
    Arbitrary<String> randomMangled() {
        return Arbitraries.strings().withChars(MANGLING_ALPHABET.toCharArray()).ofMaxLength(80)
                .map(s -> "_Z" + s);
    }

    @Provide
    Arbitrary<String> mutated() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.longs())
                .as((seed, salt) -> mutate(seed, new Random(salt)));
    }

    /** One to four edits: delete a range, insert, replace, duplicate a slice, or truncate. */
    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 2; e++) {
            int at = 2 + random.nextInt(s.length() - 2);
            switch (random.nextInt(5)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(4)));
                case 1 -> s.insert(at, MANGLING_ALPHABET.charAt(random.nextInt(MANGLING_ALPHABET.length())));
                case 2 -> s.setCharAt(at, MANGLING_ALPHABET.charAt(random.nextInt(MANGLING_ALPHABET.length())));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(8));
                    s.insert(at, s.substring(at, end));
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }
}
