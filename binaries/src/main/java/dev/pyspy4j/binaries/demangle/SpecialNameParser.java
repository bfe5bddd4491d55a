// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

/**
 * Special names (vtables, typeinfo, thunks, guard variables, ...), printed as "vtable for X", and the clone
 * suffixes a compiler appends to outlined or specialised copies of a function.
 */
final class SpecialNameParser {
    private final Cursor in;
    private final NameParser names;
    private final TypeParser types;

    SpecialNameParser(ParseState state, NameParser names, TypeParser types) {
        this.in = state.in;
        this.names = names;
        this.types = types;
    }

    /** {@code T...} and {@code G...}: vtables, typeinfo, thunks, guard variables, TLS helpers. */
    Node specialName() {
        if (in.consume('G')) {
            if (in.consume('V')) {
                return new Node.Special("guard variable for ", names.name());
            }
            if (in.consume('R')) {
                Node target = names.name();
                int number = in.peek() == '_' ? 0 : in.number() + 1;
                if (Cursor.isDigit(in.peek()) || Cursor.isUpper(in.peek())) {
                    throw new Rejected("unsupported reference temporary numbering");
                }
                in.expect('_');
                return new Node.Special("reference temporary #" + number + " for ", target);
            }
            if (in.consume("Tt")) {
                return new Node.Special("transaction clone for ", names.encoding(false));
            }
            if (in.consume("Tn")) {
                return new Node.Special("non-transaction clone for ", names.encoding(false));
            }
            if (in.consume('A')) {
                return new Node.Special("hidden alias for ", names.encoding(false));
            }
            throw new Rejected("unknown special name G" + in.peek());
        }
        in.expect('T');
        char kind = in.next();
        switch (kind) {
            case 'V':
                return new Node.Special("vtable for ", types.type());
            case 'T':
                return new Node.Special("VTT for ", types.type());
            case 'I':
                return new Node.Special("typeinfo for ", types.type());
            case 'S':
                return new Node.Special("typeinfo name for ", types.type());
            case 'H':
                return new Node.Special("TLS init function for ", names.name());
            case 'W':
                return new Node.Special("TLS wrapper function for ", names.name());
            case 'A':
                return new Node.Special("template parameter object for ", types.templateArgument());
            case 'h':
                callOffset('h');
                return new Node.Special("non-virtual thunk to ", names.encoding(false));
            case 'v':
                callOffset('v');
                return new Node.Special("virtual thunk to ", names.encoding(false));
            case 'c':
                callOffset(in.next());
                callOffset(in.next());
                return new Node.Special("covariant return thunk to ", names.encoding(false));
            case 'C': {
                Node derived = types.type();
                in.number();
                in.expect('_');
                Node base = types.type();
                return new Node.ConstructionVtable(base, derived);
            }
            default:
                throw new Rejected("unknown special name T" + kind);
        }
    }

    /** {@code h <offset> _} or {@code v <offset> _ <virtual offset> _}; offsets are not printed. */
    private void callOffset(char kind) {
        if (kind == 'h') {
            signedNumber();
            in.expect('_');
        } else if (kind == 'v') {
            signedNumber();
            in.expect('_');
            signedNumber();
            in.expect('_');
        } else {
            throw new Rejected("bad call offset");
        }
    }

    private void signedNumber() {
        in.consume('n');
        in.number();
    }


    /** Clone suffixes: {@code .cold}, {@code .isra.0}, {@code .constprop.0.isra.0}, ... */
    Node cloneSuffixes(Node function) {
        Node result = function;
        while (in.peek() == '.') {
            char first = in.peek(1);
            if (!(Cursor.isLower(first) || Cursor.isDigit(first) || first == '_')) {
                throw new Rejected("bad clone suffix");
            }
            int start = in.position();
            in.next();
            in.next();
            while (Cursor.isLower(in.peek()) || Cursor.isDigit(in.peek()) || in.peek() == '_') {
                in.next();
            }
            while (in.peek() == '.' && Cursor.isDigit(in.peek(1))) {
                in.next();
                while (Cursor.isDigit(in.peek())) {
                    in.next();
                }
            }
            result = new Node.Clone(result, in.slice(start, in.position()));
        }
        return result;
    }
}
