// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import dev.pyspy4j.binaries.demangle.ManglingTables.OperatorInfo;
import dev.pyspy4j.binaries.demangle.ManglingTables.StdAbbreviation;
import java.util.List;

/**
 * The name half of the grammar: encodings, nested, local and unqualified names, and substitutions. Substitution candidates are recorded exactly where the ABI says,
 * because every later S_ reference counts on them.
 */
final class NameParser {
    private static final String ANONYMOUS_NAMESPACE_PREFIX = "_GLOBAL_";

    private final ParseState state;
    private final Cursor in;
    private TypeParser types;
    private SpecialNameParser specialNames;

    NameParser(ParseState state) {
        this.state = state;
        this.in = state.in;
    }

    void connect(TypeParser typeParser, SpecialNameParser specialNameParser) {
        this.types = typeParser;
        this.specialNames = specialNameParser;
    }

    /**
     * {@code <encoding>}. At the top level a function is returned as its bare name (its parameters are parsed,
     * so that a garbled signature rejects the name, but not printed); nested encodings keep their signature.
     */
    Node encoding(boolean topLevel) {
        state.enter();
        try {
            char c = in.peek();
            if (c == 'T' || c == 'G') {
                return specialNames.specialName();
            }
            Node name = name();
            char after = in.peek();
            // Data names end here; a clone suffix only follows a function's parameters or a special name.
            if (in.atEnd() || after == 'E') {
                return topLevel ? withoutFunctionQualifiers(name) : name;
            }
            List<Node> saved = state.templateArgs;
            Node template = templateOf(name);
            if (template instanceof Node.Template t) {
                state.templateArgs = t.args();
            }
            try {
                Node returnType = hasReturnType(name) ? types.type() : null;
                List<Node> parameters = types.bareParameters();
                if (topLevel) {
                    return withoutFunctionQualifiers(name);
                }
                return new Node.Encoding(name, returnType, parameters);
            } finally {
                state.templateArgs = saved;
            }
        } finally {
            state.leave();
        }
    }

    private static Node withoutFunctionQualifiers(Node name) {
        if (name instanceof Node.FunctionQualified q) {
            return q.name();
        }
        if (name instanceof Node.Local local && local.entity() instanceof Node.FunctionQualified q) {
            return new Node.Local(local.function(), q.name());
        }
        return name;
    }

    /** The node whose template arguments T_ refers to in this function's signature, if any. */
    private static Node templateOf(Node name) {
        Node n = name;
        if (n instanceof Node.FunctionQualified q) {
            n = q.name();
        }
        if (n instanceof Node.Local local) {
            n = local.entity();
            if (n instanceof Node.FunctionQualified q) {
                n = q.name();
            }
        }
        return n;
    }

    /** Function templates other than constructors, destructors and conversions mangle their return type. */
    private static boolean hasReturnType(Node name) {
        if (name instanceof Node.FunctionQualified q) {
            return hasReturnType(q.name());
        }
        if (name instanceof Node.Local local) {
            return hasReturnType(local.entity());
        }
        if (name instanceof Node.Template t) {
            return !isCtorDtorOrConversion(t.name());
        }
        return false;
    }

    private static boolean isCtorDtorOrConversion(Node name) {
        if (name instanceof Node.Qualified q) {
            return isCtorDtorOrConversion(q.name());
        }
        if (name instanceof Node.Local local) {
            return isCtorDtorOrConversion(local.entity());
        }
        return name instanceof Node.CtorDtor || name instanceof Node.Conversion;
    }

    /** {@code <name>}. */
    Node name() {
        state.enter();
        try {
            switch (in.peek()) {
                case 'N':
                    return nestedName();
                case 'Z':
                    return localName();
                case 'S':
                    return stdOrSubstitutedName();
                default: {
                    Node name = unqualifiedName(null);
                    if (in.peek() == 'I') {
                        state.addSubstitution(name, state.parameterUses);
                        name = new Node.Template(name, types.templateArgs());
                    }
                    return name;
                }
            }
        } finally {
            state.leave();
        }
    }

    private Node stdOrSubstitutedName() {
        Node name;
        boolean fromSubstitution;
        if (in.peek(1) == 't') {
            in.consume("St");
            name = new Node.Qualified(new Node.Name("std"), unqualifiedName(null));
            fromSubstitution = false;
        } else {
            name = substitution();
            fromSubstitution = true;
        }
        if (in.peek() == 'I') {
            if (!fromSubstitution) {
                state.addSubstitution(name, state.parameterUses);
            }
            name = new Node.Template(name, types.templateArgs());
        }
        return name;
    }

    private Node nestedName() {
        in.expect('N');
        String qualifiers = cvQualifiers();
        if (in.consume('R')) {
            qualifiers += " &";
        } else if (in.consume('O')) {
            qualifiers += " &&";
        }
        int usesBefore = state.parameterUses;
        Node name = null;
        boolean startedWithScopeOnly = false;
        int components = 0;
        while (true) {
            state.in.step();
            char c = in.peek();
            if (c == 'E') {
                in.next();
                break;
            }
            if (c == 'I') {
                if (name == null) {
                    throw new Rejected("template arguments without a template");
                }
                name = new Node.Template(name, types.templateArgs());
                components++;
            } else {
                Node component;
                boolean scopeOnly = c == 'S' || c == 'T' || (c == 'D' && (in.peek(1) == 'T' || in.peek(1) == 't'));
                if (scopeOnly && name != null) {
                    throw new Rejected("a substitution, template parameter or decltype only starts a nested name");
                }
                startedWithScopeOnly |= scopeOnly;
                components++;
                if (c == 'D' && (in.peek(1) == 'T' || in.peek(1) == 't')) {
                    component = types.type();
                } else if (c == 'T') {
                    component = types.templateParameter();
                } else if (c == 'S') {
                    component = in.peek(1) == 't' ? stdPrefix() : substitution();
                } else if (c == 'M') {
                    // A lambda's initializer scope: the variable whose initializer holds it, already a candidate.
                    if (name == null || in.peek(1) != 'U') {
                        throw new Rejected("initializer scope without a lambda");
                    }
                    in.next();
                    continue;
                } else {
                    component = unqualifiedName(name);
                }
                name = name == null ? component : new Node.Qualified(name, component);
            }
            if (c != 'S' && in.peek() != 'E') {
                state.addSubstitution(name, usesBefore);
            }
        }
        if (name == null || startedWithScopeOnly && components == 1) {
            throw new Rejected("nested name without a member");
        }
        return qualifiers.isEmpty() ? name : new Node.FunctionQualified(name, qualifiers);
    }

    private Node stdPrefix() {
        in.consume("St");
        return new Node.Name("std");
    }

    /** K, V and r: printed in the order const, volatile, restrict. */
    String cvQualifiers() {
        boolean restrict = in.consume('r');
        boolean isVolatile = in.consume('V');
        boolean isConst = in.consume('K');
        char next = in.peek();
        if (next == 'r' || next == 'V' || next == 'K') {
            throw new Rejected("repeated or misordered cv-qualifiers");
        }
        return (isConst ? " const" : "") + (isVolatile ? " volatile" : "") + (restrict ? " restrict" : "");
    }

    private Node localName() {
        in.expect('Z');
        Node function = encoding(false);
        in.expect('E');
        if (function instanceof Node.Encoding e && e.returnType() != null) {
            // The enclosing function's return type would read as the local entity's own.
            function = new Node.Encoding(e.name(), null, e.parameters());
        }
        Node entity;
        if (in.consume('s')) {
            entity = new Node.Name("string literal");
            discriminator();
        } else {
            int defaultArgument = -1;
            if (in.consume('d')) {
                defaultArgument = in.peek() == '_' ? 0 : in.number() + 1;
                in.expect('_');
            }
            entity = name();
            if (!(entity instanceof Node.Lambda) && !(entity instanceof Node.UnnamedType)) {
                discriminator();
            }
            if (defaultArgument >= 0) {
                entity = new Node.Qualified(new Node.Name("{default arg#" + (defaultArgument + 1) + "}"), entity);
            }
        }
        return new Node.Local(function, entity);
    }

    /** {@code _ <digit>} or {@code __ <number> _}; the number only tells same-named locals apart. */
    private void discriminator() {
        if (!in.consume('_')) {
            return;
        }
        if (in.consume('_')) {
            in.number();
            in.expect('_');
        } else if (Cursor.isDigit(in.peek())) {
            in.next();
        } else {
            throw new Rejected("bad discriminator");
        }
    }

    /** {@code <unqualified-name>} with any abi tags; {@code scope} is the enclosing name, for destructors. */
    Node unqualifiedName(Node scope) {
        state.enter();
        try {
            char c = in.peek();
            Node name;
            if (Cursor.isDigit(c)) {
                name = sourceName();
            } else if (Cursor.isLower(c)) {
                name = operatorName();
            } else if (c == 'C' || (c == 'D' && in.peek(1) != 'C')) {
                name = ctorDtorName();
            } else if (c == 'L') {
                in.next();
                name = sourceName();
                discriminator();
            } else if (c == 'U') {
                name = unnamedTypeOrLambda();
            } else {
                throw new Rejected("unexpected '" + c + "' in a name");
            }
            while (in.peek() == 'B') {
                in.next();
                String tag = identifier();
                name = new Node.AbiTagged(name, isAnonymousNamespace(tag) ? "(anonymous namespace)" : tag);
            }
            return name;
        } finally {
            state.leave();
        }
    }

    private Node sourceName() {
        String identifier = identifier();
        Node name = new Node.Name(isAnonymousNamespace(identifier) ? "(anonymous namespace)" : identifier);
        state.lastName = ((Node.Name) name).text();
        return name;
    }

    private static boolean isAnonymousNamespace(String identifier) {
        // GCC names an anonymous namespace _GLOBAL__N_1 (older compilers: _GLOBAL_.N..., _GLOBAL_$N...).
        return identifier.length() >= 10 && identifier.startsWith(ANONYMOUS_NAMESPACE_PREFIX)
                && "._$".indexOf(identifier.charAt(8)) >= 0 && identifier.charAt(9) == 'N';
    }

    private String identifier() {
        int length = in.number();
        String identifier = in.take(length);
        for (int i = 0; i < identifier.length(); i++) {
            char ch = identifier.charAt(i);
            if (ch < 0x21 || ch > 0x7e) {
                throw new Rejected("identifier with a non-printable character");
            }
        }
        return identifier;
    }

    private Node operatorName() {
        String code = in.take(2);
        if (code.equals("cv")) {
            return new Node.Conversion(types.type());
        }
        if (code.equals("li")) {
            return new Node.LiteralOperator(identifier());
        }
        OperatorInfo info = ManglingTables.OPERATORS.get(code);
        if (info == null || code.equals("st") || code.equals("sz") || code.equals("at") || code.equals("az")
                || code.equals("dt")) {
            throw new Rejected("unknown operator " + code);
        }
        return new Node.Operator(info.symbol());
    }

    private Node ctorDtorName() {
        if (state.lastName == null) {
            throw new Rejected("constructor or destructor without a class name");
        }
        char kind = in.next();
        boolean inheriting = kind == 'C' && in.consume('I');
        char variant = in.next();
        boolean destructor = kind == 'D';
        boolean valid = destructor ? "01245".indexOf(variant) >= 0 : "12345".indexOf(variant) >= 0;
        if (!valid) {
            throw new Rejected("unknown constructor or destructor C/D" + variant);
        }
        if (inheriting) {
            // An inherited constructor is named after the base class it comes from.
            types.type();
        }
        return new Node.CtorDtor(state.lastName, destructor);
    }

    private Node unnamedTypeOrLambda() {
        in.expect('U');
        char kind = in.next();
        if (kind == 't') {
            return new Node.UnnamedType(numberedSuffix());
        }
        if (kind != 'l') {
            throw new Rejected("unknown unnamed entity U" + kind);
        }
        state.lambdaSignatureDepth++;
        List<Node> parameters;
        try {
            parameters = types.bareParameters();
        } finally {
            state.lambdaSignatureDepth--;
        }
        in.expect('E');
        return new Node.Lambda(parameters, numberedSuffix());
    }

    /** {@code _} is #1, {@code <n>_} is #n+2. */
    private int numberedSuffix() {
        int number = in.peek() == '_' ? 1 : in.number() + 2;
        in.expect('_');
        return number;
    }

    /**
     * {@code S_}, {@code S<seq-id>_} or a std:: abbreviation. Abbreviations such as Ss are spelt in full
     * ({@code std::basic_string<char, ...>}), as c++filt spells them.
     */
    Node substitution() {
        in.expect('S');
        char c = in.peek();
        if (c == '_' || Cursor.isDigit(c) || Cursor.isUpper(c)) {
            int index = 0;
            if (c != '_') {
                index = seqId() + 1;
            }
            in.expect('_');
            return state.substitution(index);
        }
        StdAbbreviation abbreviation = ManglingTables.STD_ABBREVIATIONS.get(c);
        if (abbreviation == null) {
            throw new Rejected("unknown substitution S" + c);
        }
        in.next();
        if (abbreviation.lastName() != null) {
            state.lastName = abbreviation.lastName();
        }
        return new Node.Name(abbreviation.full());
    }

    /** A base-36 number of digits and upper-case letters. */
    private int seqId() {
        long value = 0;
        int digits = 0;
        while (Cursor.isDigit(in.peek()) || Cursor.isUpper(in.peek())) {
            char ch = in.next();
            value = value * 36 + (Cursor.isDigit(ch) ? ch - '0' : ch - 'A' + 10);
            if (++digits > 6) {
                throw new Rejected("substitution index too large");
            }
        }
        return (int) value;
    }
}
