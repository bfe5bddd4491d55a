// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import dev.pyspy4j.binaries.demangle.ManglingTables.OperatorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, as they appear in template arguments (X...E), array bounds and decltype. The forms libstdc++
 * and similar libraries use are parsed; the rarer ones are parsed as {@link Node.Unprintable}, which is
 * enough to check a signature that is not shown but rejects a name that would show them.
 */
final class ExpressionParser {
    private final ParseState state;
    private final Cursor in;
    private final NameParser names;
    private final TypeParser types;

    ExpressionParser(ParseState state, NameParser names, TypeParser types) {
        this.state = state;
        this.in = state.in;
        this.names = names;
        this.types = types;
    }

    /** {@code L <type> <value> E}, {@code L _Z <encoding> E}. */
    Node primary() {
        in.expect('L');
        if (in.consume("_Z")) {
            Node encoding = names.encoding(false);
            in.expect('E');
            return encoding;
        }
        Node type = types.type();
        if (type instanceof Node.Name n && ManglingTables.FLOATING_TYPES.contains(n.text())) {
            throw new Rejected("floating-point literals are not supported");
        }
        if (in.consume('E')) {
            if (type instanceof Node.Name n && n.text().equals("decltype(nullptr)")) {
                return type;
            }
            throw new Rejected("literal without a value");
        }
        StringBuilder value = new StringBuilder();
        if (in.consume('n')) {
            value.append('-');
        }
        if (!Cursor.isDigit(in.peek())) {
            throw new Rejected("unsupported literal value");
        }
        while (Cursor.isDigit(in.peek())) {
            value.append(in.next());
        }
        in.expect('E');
        return new Node.Literal(type, value.toString());
    }

    Node expression() {
        state.enter();
        try {
            char c = in.peek();
            char c2 = in.peek(1);
            if (c == 'L') {
                return primary();
            }
            if (c == 'T') {
                return types.templateParameter();
            }
            if (Cursor.isDigit(c)) {
                return unresolvedName();
            }
            String code = c + "" + c2;
            switch (code) {
                case "fp":
                    return functionParameter();
                case "sr":
                    in.take(2);
                    return scopedName();
                case "sp":
                    in.take(2);
                    return new Node.PackExpansion(expression());
                case "cl":
                    return call();
                case "st":
                case "at":
                    in.take(2);
                    return new Node.Unary(code, types.type());
                case "dt":
                case "pt":
                    in.take(2);
                    expression();
                    unresolvedName();
                    return new Node.Unprintable("member access");
                case "cv":
                    in.take(2);
                    return cast();
                case "sc":
                case "dc":
                case "cc":
                case "rc":
                    in.take(2);
                    types.type();
                    expression();
                    return new Node.Unprintable("named cast");
                case "ti":
                    in.take(2);
                    types.type();
                    return new Node.Unprintable("typeid");
                case "te":
                case "tw":
                    in.take(2);
                    expression();
                    return new Node.Unprintable(code);
                case "sZ":
                    in.take(2);
                    expression();
                    return new Node.Unprintable("sizeof...");
                case "tl":
                    in.take(2);
                    types.type();
                    expressionsUntilEnd();
                    return new Node.Unprintable("braced initializer");
                case "gs":
                    in.take(2);
                    expression();
                    return new Node.Unprintable("global scope");
                case "nw":
                case "na":
                    in.take(2);
                    return newExpression();
                case "ix":
                    in.take(2);
                    expression();
                    expression();
                    return new Node.Unprintable("subscript");
                case "il":
                    in.take(2);
                    expressionsUntilEnd();
                    return new Node.Unprintable("initializer list");
                default:
                    return operatorExpression(code);
            }
        } finally {
            state.leave();
        }
    }

    private Node operatorExpression(String code) {
        OperatorInfo info = ManglingTables.OPERATORS.get(code);
        if (info == null || code.equals("nw") || code.equals("na") || code.equals("cl") || code.equals("ix")) {
            throw new Rejected("unsupported expression " + code);
        }
        in.take(2);
        if ((code.equals("pp") || code.equals("mm")) && in.consume('_')) {
            expression();
            return new Node.Unprintable("prefix " + code);
        }
        switch (info.arity()) {
            case 1:
                return new Node.Unary(code, expression());
            case 2: {
                Node left = expression();
                Node right = expression();
                return new Node.Binary(info.symbol(), left, right);
            }
            default:
                expression();
                expression();
                expression();
                return new Node.Unprintable("conditional");
        }
    }

    /** After {@code nw}/{@code na}: placement arguments, '_', the type, then E or an initializer. */
    private Node newExpression() {
        while (!in.consume('_')) {
            expression();
        }
        types.type();
        if (!in.consume('E')) {
            if (!in.consume("pi") && !in.consume("il")) {
                throw new Rejected("unsupported new-initializer");
            }
            expressionsUntilEnd();
        }
        return new Node.Unprintable("new");
    }

    private void expressionsUntilEnd() {
        while (!in.consume('E')) {
            expression();
        }
    }

    private Node call() {
        in.take(2);
        Node function = expression();
        List<Node> arguments = new ArrayList<>();
        while (!in.consume('E')) {
            arguments.add(expression());
        }
        return new Node.Call(function, arguments);
    }

    private Node cast() {
        types.type();
        if (in.consume('_')) {
            expressionsUntilEnd();
        } else {
            expression();
        }
        return new Node.Unprintable("cast");
    }

    /** {@code fp _}, {@code fp <n> _} (cv-qualifiers ignored): the first, (n+2)th parameter. */
    private Node functionParameter() {
        in.take(2);
        names.cvQualifiers();
        int number = in.peek() == '_' ? 1 : in.number() + 2;
        in.expect('_');
        return new Node.FunctionParameter(number);
    }

    /** After {@code sr}: a scope type (or {@code N ... E} chain) then the unqualified member name. */
    private Node scopedName() {
        if (in.consume('N')) {
            Node scope = types.type();
            while (!in.consume('E')) {
                scope = new Node.Qualified(scope, simpleId());
            }
            return new Node.Qualified(scope, baseUnresolvedName());
        }
        if (Cursor.isDigit(in.peek())) {
            Node scope = simpleId();
            while (!in.consume('E')) {
                scope = new Node.Qualified(scope, simpleId());
            }
            return new Node.Qualified(scope, baseUnresolvedName());
        }
        Node scope = types.type();
        return new Node.Qualified(scope, baseUnresolvedName());
    }

    private Node baseUnresolvedName() {
        if (in.consume("on")) {
            names.unqualifiedName(null);
            if (in.peek() == 'I') {
                types.templateArgs();
            }
            return new Node.Unprintable("operator name");
        }
        if (in.peek() == 'd' && in.peek(1) == 'n') {
            throw new Rejected("destructor name in an expression");
        }
        return simpleId();
    }

    private Node unresolvedName() {
        return baseUnresolvedName();
    }

    /** A source name with optional template arguments. */
    private Node simpleId() {
        if (!Cursor.isDigit(in.peek())) {
            throw new Rejected("expected a name in an expression");
        }
        Node name = names.unqualifiedName(null);
        if (in.peek() == 'I') {
            name = new Node.Template(name, types.templateArgs());
        }
        return name;
    }
}
