// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.List;

/**
 * The pieces a mangled name is made of. Substitutions share nodes, so a tree may reference the same node
 * many times; nodes are immutable and never form cycles (a substitution only refers to earlier nodes).
 */
sealed interface Node {

    /** A plain piece of text: an identifier, a builtin type, "std", "(anonymous namespace)". */
    record Name(String text) implements Node {
    }

    /** {@code scope::name}. */
    record Qualified(Node scope, Node name) implements Node {
    }

    /** {@code name<args>}. */
    record Template(Node name, List<Node> args) implements Node {
    }

    /** A template argument pack: its elements joined by commas (an empty pack prints nothing). */
    record ArgPack(List<Node> elements) implements Node {
    }

    /** {@code name[abi:tag]}. */
    record AbiTagged(Node name, String tag) implements Node {
    }

    /** A constructor or destructor, named after the class it belongs to. */
    record CtorDtor(String className, boolean destructor) implements Node {
    }

    /** {@code operator+}, {@code operator new}: the symbol as written after "operator". */
    record Operator(String symbol) implements Node {
    }

    /** A conversion operator, {@code operator int}. */
    record Conversion(Node type) implements Node {
    }

    /** A user-defined literal operator, {@code operator"" _km}. */
    record LiteralOperator(String suffix) implements Node {
    }

    /** A closure type, {@code {lambda(int)#1}}. */
    record Lambda(List<Node> parameters, int number) implements Node {
    }

    /** An unnamed class or enum, {@code {unnamed type#1}}. */
    record UnnamedType(int number) implements Node {
    }

    /** An entity declared inside a function body: {@code function::entity}. */
    record Local(Node function, Node entity) implements Node {
    }

    /** A member function's cv- and ref-qualifiers (" const", " &&"), printed after its parameter list. */
    record FunctionQualified(Node name, String qualifiers) implements Node {
    }

    /** A function with its signature: {@code [returnType ]name(parameters) qualifiers}. */
    record Encoding(Node name, Node returnType, List<Node> parameters) implements Node {
    }

    /** {@code vtable for X}, {@code guard variable for x}, {@code non-virtual thunk to f()}. */
    record Special(String prefix, Node target) implements Node {
    }

    /** {@code construction vtable for Base-in-Derived}. */
    record ConstructionVtable(Node base, Node derived) implements Node {
    }

    /** A compiler-made copy of a function ({@code .cold}, {@code .isra.0}). */
    record Clone(Node function, String suffix) implements Node {
    }

    /** Pointer or reference: {@code symbol} is "*", "&" or "&&". */
    record Indirection(Node target, String symbol) implements Node {
    }

    /** A cv-qualified type; {@code qualifiers} is " const", " volatile", ... in printing order. */
    record CvQualified(Node type, String qualifiers) implements Node {
    }

    /** A function type; {@code qualifiers} holds cv- and ref-qualifiers of an abominable function type. */
    record FunctionType(Node returnType, List<Node> parameters, String qualifiers) implements Node {
    }

    /** {@code element [dimension]}; the dimension is a number, an expression or empty. */
    record ArrayType(Node element, Node dimension) implements Node {
    }

    /** {@code int Foo::*} or {@code void (Foo::*)()}. */
    record MemberPointer(Node owner, Node member) implements Node {
    }

    /** {@code pattern...}, a pack expansion in a parameter list or expression. */
    record PackExpansion(Node pattern) implements Node {
    }

    /** {@code decltype (expression)}. */
    record Decltype(Node expression) implements Node {
    }

    /** A literal template argument: an integer of a given type, or a named entity. */
    record Literal(Node type, String value) implements Node {
    }

    /**
     * An expression form that is parsed (so that a signature holding it is checked) but never printed; printing
     * it is an error, so a name that would show it is rejected rather than shown differently from c++filt.
     */
    record Unprintable(String form) implements Node {
    }

    /** {@code {parm#1}}, a function parameter used in an expression. */
    record FunctionParameter(int number) implements Node {
    }

    /** A prefix operator applied to an operand: {@code -(1)}, {@code &(g())}, {@code sizeof (int)}. */
    record Unary(String code, Node operand) implements Node {
    }

    /** {@code (left)op(right)}. */
    record Binary(String symbol, Node left, Node right) implements Node {
    }

    /** {@code function(arguments)} inside an expression. */
    record Call(Node function, List<Node> arguments) implements Node {
    }
}
