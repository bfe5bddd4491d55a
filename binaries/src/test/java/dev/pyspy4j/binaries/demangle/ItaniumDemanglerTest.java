// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact values for the forms a Python extension module shows in a native profile, and for each construct the
 * class comment lists; the expected texts are what c++filt -p prints (clone suffixes excepted, see
 * {@link ItaniumDemangler}).
 */
class ItaniumDemanglerTest {

    @Test
    void namespaceAndTemplateMember() {
        assertThat(ItaniumDemangler.demangle("_ZN8fastmath11AccumulatorIdE3addERKSt6vectorIdSaIdEE"))
                .contains("fastmath::Accumulator<double>::add");
        assertThat(ItaniumDemangler.demangle("_ZN2ns7SpinnerIiE4spinEv")).contains("ns::Spinner<int>::spin");
    }

    @Test
    void lambdaInAFunction() {
        assertThat(ItaniumDemangler.demangle("_ZZN8fastmath3runEiENKUliE_clEi"))
                .contains("fastmath::run(int)::{lambda(int)#1}::operator()");
    }

    @Test
    void cloneSuffixesAreShownAsClones() {
        assertThat(ItaniumDemangler.demangle("_ZN8fastmath3runEi.cold")).contains("fastmath::run [clone .cold]");
        assertThat(ItaniumDemangler.demangle("_ZN8fastmath3runEi.isra.0"))
                .contains("fastmath::run [clone .isra.0]");
        assertThat(ItaniumDemangler.demangle("_ZN8fastmath3runEi.constprop.0.isra.0"))
                .contains("fastmath::run [clone .constprop.0] [clone .isra.0]");
    }

    @Test
    void anonymousNamespace() {
        assertThat(ItaniumDemangler.demangle("_ZN12_GLOBAL__N_11fEv")).contains("(anonymous namespace)::f");
        assertThat(ItaniumDemangler.demangle("_ZN8fastmath12_GLOBAL__N_16helperEi"))
                .contains("fastmath::(anonymous namespace)::helper");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "_ZN3FooC2Ev|Foo::Foo",
        "_ZN3FooD0Ev|Foo::~Foo",
        "_ZN1AC2IiEET_|A::A<int>",
        "_ZNSt6vectorIiSaIiEE9push_backEOi|std::vector<int, std::allocator<int> >::push_back",
        "_ZNK3Foo3barEv|Foo::bar",
        "_ZN3FooplERKS_|Foo::operator+",
        "_ZN3FooixEl|Foo::operator[]",
        "_ZN3FoocvbEv|Foo::operator bool",
        "_ZN3FoonwEm|Foo::operator new",
        "_ZN3FooltIiEEbRKS_|Foo::operator< <int>",
        "_ZN9__gnu_cxxneIPKdSt6vectorIdSaIdEEEEbRKNS_17__normal_iteratorIT_T0_EESB_|"
                + "__gnu_cxx::operator!=<double const*, std::vector<double, std::allocator<double> > >",
        "_ZTV3Foo|vtable for Foo",
        "_ZTI3Foo|typeinfo for Foo",
        "_ZTS3Foo|typeinfo name for Foo",
        "_ZThn8_N7Derived1fEi|non-virtual thunk to Derived::f(int)",
        "_ZGVZ3foovE1x|guard variable for foo()::x",
        "_Z1fIPFviEEvT_|f<void (*)(int)>",
        "_Z1fIA5_iEvv|f<int [5]>",
        "_Z1fIPA5_iEvv|f<int (*) [5]>",
        "_Z1fIM3FooKFvvEEvv|f<void (Foo::*)() const>",
        "_Z1fIM3FooiEvv|f<int Foo::*>",
        "_Z1fIrVKPiEvv|f<int* const volatile restrict>",
        "_Z1fILin5EEvv|f<-5>",
        "_Z1fILb1EEvv|f<true>",
        "_Z1fILc97EEvv|f<(char)97>",
        "_Z1fILm5EEvv|f<5ul>",
        "_Z1fIXadL_ZN1B1gEvEEEvv|f<&B::g>",
        "_Z1fIXplLi1ELi2EEEvv|f<(1)+(2)>",
        "_Z1fIXgtLi1ELi2EEEvv|f<((1)>(2))>",
        "_ZN1AB5cxx113getEv|A[abi:cxx11]::get",
        "_ZZN2ns1fEvENUt_3getEv|ns::f()::{unnamed type#1}::get",
        "_Z1fIJicEEvv|f<int, char>",
        "_Z1fIJEEvv|f<>",
        "_Z3maxIiET_S0_S0_|max<int>",
        "_ZNSs4swapERSs|std::basic_string<char, std::char_traits<char>, std::allocator<char> >::swap",
        "_ZNSoD1Ev|std::basic_ostream<char, std::char_traits<char> >::~basic_ostream",
        "_ZTCN1A1BE0_N1C1DE|construction vtable for C::D-in-A::B",
    })
    void constructs(String mangled, String expected) {
        assertThat(ItaniumDemangler.demangle(mangled)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "main", "PyEval_EvalFrameDefault", "_Z", "_Zfoo", "_Z3fooXYZ",
        "_ZN3fooE_", "_Z1fS_", "_Z1fS0_", "_ZC1Ev", "_Z1fIT_Evv_", "_Z999999999999x", "_ZGVbN2v_acos",
        "_Z3foov.", "_Z3foov.COLD"})
    void notMangledOrMalformed(String input) {
        assertThat(ItaniumDemangler.demangle(input)).isEmpty();
    }

    @Test
    void nullIsNotAName() {
        assertThat(ItaniumDemangler.demangle(null)).isEmpty();
    }

    /**
     * f's template arguments are A, B<A, A>, B<B<A, A>, B<A, A> >, ...: each level doubles the printed text,
     * so 60 levels would print 2^60 characters from a name of a few hundred; the name is refused instead.
     */
    @Test
    void exponentialExpansionIsRefused() {
        // Substitutions: S_ = f, S0_ = A, S1_ = B, S2_ = B<A, A>; each level adds B again and its new type.
        StringBuilder mangled = new StringBuilder("_Z1fI1A1BIS0_S0_E");
        int previous = 3;
        for (int level = 0; level < 60; level++) {
            String reference = "S" + seqId(previous) + "_";
            mangled.append("1BI").append(reference).append(reference).append('E');
            previous += 2;
        }
        mangled.append("Evv");
        assertThat(ItaniumDemangler.demangle(mangled.toString())).isEmpty();
        String twoLevels = "_Z1fI1A1BIS0_S0_E1BIS2_S2_EEvv";
        assertThat(ItaniumDemangler.demangle(twoLevels)).contains("f<A, B<A, A>, B<B<A, A>, B<A, A> > >");
    }

    /** Deep nesting and long repetitions hit the depth and work limits instead of the stack or the clock. */
    @Test
    void pathologicalInputsAreRefused() {
        assertThat(ItaniumDemangler.demangle("_Z1fI" + "P".repeat(10_000) + "iEvv")).isEmpty();
        assertThat(ItaniumDemangler.demangle("_Z1fI" + "N1a".repeat(3_000) + "E".repeat(3_000) + "Evv"))
                .isEmpty();
        assertThat(ItaniumDemangler.demangle("_Z1f" + "i".repeat(20_000))).isEmpty();
        assertThat(ItaniumDemangler.demangle("_Z1fI" + "P".repeat(100) + "iEvv"))
                .contains("f<int" + "*".repeat(100) + ">");
    }

    /** The seq-id of substitution number {@code index} (1-based: S0_ is the second entry). */
    private static String seqId(int index) {
        return Integer.toString(index - 1, 36).toUpperCase(Locale.ROOT);
    }
}
