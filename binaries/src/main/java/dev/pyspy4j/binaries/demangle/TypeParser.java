// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.ArrayList;
import java.util.List;

/** The type half of the grammar: types, parameter lists, template arguments and template parameters. */
final class TypeParser {
    private final ParseState state;
    private final Cursor in;
    private final NameParser names;
    private ExpressionParser expressions;

    TypeParser(ParseState state, NameParser names) {
        this.state = state;
        this.in = state.in;
        this.names = names;
    }

    void connect(ExpressionParser expressionParser) {
        this.expressions = expressionParser;
    }

    /** {@code <type>}; every type except builtins and bare std:: abbreviations is a substitution candidate. */
    Node type() {
        state.enter();
        int usesBefore = state.parameterUses;
        try {
            char c = in.peek();
            if (c == 'r' || c == 'V' || c == 'K') {
                String qualifiers = names.cvQualifiers();
                // Qualifiers before a function type apply to its 'this'; the bare function type is no candidate.
                Node inner = in.peek() == 'F' ? functionType() : type();
                Node qualified = inner instanceof Node.FunctionType f
                        ? new Node.FunctionType(f.returnType(), f.parameters(), f.qualifiers() + qualifiers)
                        : new Node.CvQualified(inner, qualifiers);
                return candidate(usesBefore, qualified);
            }
            String builtin = ManglingTables.BUILTIN_TYPES.get(c);
            if (builtin != null) {
                in.next();
                return new Node.Name(builtin);
            }
            switch (c) {
                case 'F':
                    return candidate(usesBefore, functionType());
                case 'N':
                case 'Z':
                    return candidate(usesBefore, className());
                case 'A':
                    return candidate(usesBefore, arrayType());
                case 'M': {
                    in.next();
                    Node owner = type();
                    if (owner instanceof Node.MemberPointer || owner instanceof Node.Indirection
                            || owner instanceof Node.FunctionType || owner instanceof Node.ArrayType
                            || owner instanceof Node.CvQualified) {
                        throw new Rejected("a member pointer's owner must be a class");
                    }
                    Node member = type();
                    return candidate(usesBefore, new Node.MemberPointer(owner, member));
                }
                case 'T': {
                    Node parameter = templateParameter();
                    if (in.peek() == 'I') {
                        state.addSubstitution(parameter, usesBefore);
                        parameter = new Node.Template(parameter, templateArgs());
                    }
                    return candidate(usesBefore, parameter);
                }
                case 'S':
                    return substitutedType(usesBefore);
                case 'P':
                    in.next();
                    return candidate(usesBefore, new Node.Indirection(type(), "*"));
                case 'R':
                    in.next();
                    return candidate(usesBefore, new Node.Indirection(type(), "&"));
                case 'O':
                    in.next();
                    return candidate(usesBefore, new Node.Indirection(type(), "&&"));
                case 'D':
                    return dType(usesBefore);
                default:
                    if (Cursor.isDigit(c)) {
                        return candidate(usesBefore, className());
                    }
                    throw new Rejected("unsupported type '" + c + "'");
            }
        } finally {
            state.leave();
        }
    }

    /** A class or enum name; member-function qualifiers (NK..., NO...) make no sense on a type. */
    private Node className() {
        Node name = names.name();
        if (name instanceof Node.FunctionQualified) {
            throw new Rejected("qualified member function name used as a type");
        }
        return name;
    }

    private Node candidate(int usesBefore, Node type) {
        state.addSubstitution(type, usesBefore);
        return type;
    }

    private Node substitutedType(int usesBefore) {
        char next = in.peek(1);
        if (Cursor.isDigit(next) || next == '_' || Cursor.isUpper(next)) {
            Node substituted = names.substitution();
            if (in.peek() == 'I') {
                return candidate(usesBefore, new Node.Template(substituted, templateArgs()));
            }
            return substituted;
        }
        Node name = names.name();
        boolean bareAbbreviation = next != 't' && !(name instanceof Node.Template);
        return bareAbbreviation ? name : candidate(usesBefore, name);
    }

    private Node dType(int usesBefore) {
        char kind = in.peek(1);
        if (kind == 'T' || kind == 't') {
            in.next();
            in.next();
            Node expression = expressions.expression();
            in.expect('E');
            return candidate(usesBefore, new Node.Decltype(expression));
        }
        if (kind == 'p') {
            in.next();
            in.next();
            return candidate(usesBefore, new Node.PackExpansion(type()));
        }
        if (kind == 'F') {
            in.next();
            in.next();
            int bits = in.number();
            String name = "_Float" + bits;
            if (in.consume('x')) {
                name += "x";
            } else {
                in.expect('_');
            }
            return new Node.Name(name);
        }
        String builtin = ManglingTables.D_BUILTIN_TYPES.get(kind);
        if (builtin == null) {
            throw new Rejected("unsupported type D" + kind);
        }
        in.next();
        in.next();
        return new Node.Name(builtin);
    }

    private Node functionType() {
        in.expect('F');
        in.consume('Y');
        Node returnType = type();
        if (returnType instanceof Node.FunctionType || returnType instanceof Node.ArrayType) {
            throw new Rejected("a function cannot return a function or an array");
        }
        List<Node> parameters = new ArrayList<>();
        do {
            parameters.add(type());
        } while (!isParameterListEnd());
        String qualifiers = "";
        if (in.consume('R')) {
            qualifiers = " &";
        } else if (in.consume('O')) {
            qualifiers = " &&";
        }
        in.expect('E');
        return new Node.FunctionType(returnType, withoutLoneVoid(parameters), qualifiers);
    }

    private boolean isParameterListEnd() {
        char c = in.peek();
        return c == 'E' || ((c == 'R' || c == 'O') && in.peek(1) == 'E');
    }

    /** The parameter types of a function: at least one; a lone void means none. */
    List<Node> bareParameters() {
        List<Node> parameters = new ArrayList<>();
        do {
            parameters.add(type());
        } while (!in.atEnd() && in.peek() != 'E' && in.peek() != '.');
        return withoutLoneVoid(parameters);
    }

    private static List<Node> withoutLoneVoid(List<Node> parameters) {
        if (parameters.size() == 1 && parameters.get(0) instanceof Node.Name n && n.text().equals("void")) {
            return List.of();
        }
        return parameters;
    }

    private Node arrayType() {
        in.expect('A');
        Node dimension;
        if (Cursor.isDigit(in.peek())) {
            dimension = new Node.Name(Integer.toString(in.number()));
        } else if (in.peek() == '_') {
            dimension = new Node.Name("");
        } else {
            dimension = expressions.expression();
        }
        in.expect('_');
        return new Node.ArrayType(type(), dimension);
    }

    /** {@code I <template-arg>+ E}; the arguments' names never name an enclosing constructor. */
    List<Node> templateArgs() {
        in.expect('I');
        String savedLastName = state.lastName;
        List<Node> args = new ArrayList<>();
        while (!in.consume('E')) {
            args.add(templateArgument());
        }
        state.lastName = savedLastName;
        return args;
    }

    Node templateArgument() {
        state.enter();
        try {
            switch (in.peek()) {
                case 'L':
                    return expressions.primary();
                case 'X': {
                    in.next();
                    Node expression = expressions.expression();
                    in.expect('E');
                    return expression;
                }
                case 'J': {
                    in.next();
                    List<Node> elements = new ArrayList<>();
                    while (!in.consume('E')) {
                        elements.add(templateArgument());
                    }
                    return new Node.ArgPack(elements);
                }
                default:
                    return type();
            }
        } finally {
            state.leave();
        }
    }

    /** {@code T_} is the first template argument, {@code T<n>_} the (n+2)th. */
    Node templateParameter() {
        in.expect('T');
        int index = in.peek() == '_' ? 0 : in.number() + 1;
        in.expect('_');
        return state.templateParameter(index);
    }
}
