// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.List;

/**
 * Renders nodes as GNU c++filt does: {@code char const*}, {@code void (*)(int)}, {@code int (*) [5]},
 * {@code A<B<int> >}. A type is printed in two parts around its declarator, left then right, which is how a
 * pointer to a function gets its parentheses. Output length, work and depth are bounded, because substitutions
 * let a short name expand exponentially.
 */
final class Printer {
    private static final int MAX_LENGTH = 1 << 16;
    private static final int MAX_DEPTH = 256;

    private final StringBuilder out = new StringBuilder();
    /**
     * Where an empty pack's ", " was taken back: c++filt still treats the last character there as the space it
     * removed, so a closing '>' that follows gets no separating space ({@code A<B<int>>}). -1 when none.
     */
    private int retractedAt = -1;
    private long visitsLeft;
    /** While a pack expansion prints: the pack it expands and the element that stands in for it. */
    private Node.ArgPack expandingPack;
    private Node expandingElement;
    private int depth;

    private Printer(int inputLength) {
        this.visitsLeft = Math.max(10_000L, inputLength * 400L);
    }

    static String print(Node node, int inputLength) {
        Printer printer = new Printer(inputLength);
        printer.full(node);
        return printer.out.toString();
    }

    private void full(Node node) {
        if (node instanceof Node.FunctionType f) {
            left(f);
            if (!declaresInParentheses(f.returnType())) {
                out.append(' ');
            }
            right(f);
            return;
        }
        left(node);
        right(node);
    }

    private void left(Node node) {
        enter();
        try {
            leftOf(node);
        } finally {
            depth--;
        }
        if (out.length() > MAX_LENGTH) {
            throw new Rejected("demangled name too long");
        }
    }

    private void enter() {
        if (--visitsLeft < 0 || ++depth > MAX_DEPTH) {
            throw new Rejected("printing exceeds its limits");
        }
    }

    private void leftOf(Node node) {
        if (node == expandingPack) {
            left(expandingElement);
        } else if (node instanceof Node.Indirection i && isReference(i) && collapsed(i) != i) {
            left(collapsed(i));
        } else if (node instanceof Node.Name n) {
            out.append(n.text());
        } else if (node instanceof Node.Qualified q) {
            full(q.scope());
            out.append("::");
            full(q.name());
        } else if (node instanceof Node.Template t) {
            full(t.name());
            if (lastChar() == '<') {
                out.append(' ');
            }
            out.append('<');
            commaList(t.args());
            if (lastChar() == '>') {
                out.append(' ');
            }
            out.append('>');
        } else if (node instanceof Node.ArgPack p) {
            commaList(p.elements());
        } else if (node instanceof Node.AbiTagged a) {
            full(a.name());
            out.append("[abi:").append(a.tag()).append(']');
        } else if (node instanceof Node.CtorDtor c) {
            out.append(c.destructor() ? "~" : "").append(c.className());
        } else if (node instanceof Node.Operator o) {
            out.append("operator");
            if (Cursor.isLower(o.symbol().charAt(0))) {
                out.append(' ');
            }
            out.append(o.symbol());
        } else if (node instanceof Node.Conversion c) {
            out.append("operator ");
            full(c.type());
        } else if (node instanceof Node.LiteralOperator l) {
            out.append("operator\"\" ").append(l.suffix());
        } else if (node instanceof Node.Lambda l) {
            out.append("{lambda(");
            commaList(l.parameters());
            out.append(")#").append(l.number()).append('}');
        } else if (node instanceof Node.UnnamedType u) {
            out.append("{unnamed type#").append(u.number()).append('}');
        } else if (node instanceof Node.Local l) {
            full(l.function());
            out.append("::");
            full(l.entity());
        } else if (node instanceof Node.FunctionQualified q) {
            full(q.name());
            out.append(q.qualifiers());
        } else if (node instanceof Node.Encoding e) {
            encoding(e);
        } else if (node instanceof Node.Special s) {
            out.append(s.prefix());
            full(s.target());
        } else if (node instanceof Node.ConstructionVtable c) {
            out.append("construction vtable for ");
            full(c.base());
            out.append("-in-");
            full(c.derived());
        } else if (node instanceof Node.Clone c) {
            full(c.function());
            out.append(" [clone ").append(c.suffix()).append(']');
        } else if (node instanceof Node.Indirection i) {
            left(unpacked(i.target()));
            if (needsParentheses(i.target())) {
                openParenthesis(i.target());
            }
            out.append(i.symbol());
        } else if (node instanceof Node.CvQualified c && c.type() instanceof Node.CvQualified inner) {
            // const applied to a substituted "int const" prints once, as c++filt does; other mixes are refused.
            if (!inner.qualifiers().equals(c.qualifiers())) {
                throw new Rejected("mixed repeated cv-qualifiers");
            }
            left(inner);
        } else if (node instanceof Node.CvQualified c) {
            left(unpacked(c.type()));
            out.append(c.qualifiers());
        } else if (node instanceof Node.FunctionType f) {
            left(unpacked(f.returnType()));
        } else if (node instanceof Node.ArrayType a) {
            left(unpacked(a.element()));
        } else if (node instanceof Node.MemberPointer m) {
            left(unpacked(m.member()));
            if (m.member() instanceof Node.FunctionType) {
                openParenthesis(null);
            } else {
                out.append(' ');
            }
            full(m.owner());
            out.append("::*");
        } else if (node instanceof Node.PackExpansion p) {
            packExpansion(p.pattern());
        } else if (node instanceof Node.Decltype d) {
            out.append("decltype (");
            full(d.expression());
            out.append(')');
        } else if (node instanceof Node.Literal l) {
            literal(l);
        } else if (node instanceof Node.Unprintable u) {
            throw new Rejected("unprintable expression: " + u.form());
        } else if (node instanceof Node.FunctionParameter p) {
            out.append("{parm#").append(p.number()).append('}');
        } else if (node instanceof Node.Unary u) {
            unary(u);
        } else if (node instanceof Node.Binary b) {
            boolean greater = b.symbol().equals(">");
            if (greater) {
                out.append('(');
            }
            subexpression(b.left());
            out.append(b.symbol());
            subexpression(b.right());
            if (greater) {
                out.append(')');
            }
        } else if (node instanceof Node.Call c) {
            subexpression(c.function());
            out.append('(');
            commaList(c.arguments());
            out.append(')');
        }
    }

    private void right(Node node) {
        enter();
        try {
            rightOf(node);
        } finally {
            depth--;
        }
    }

    private void rightOf(Node node) {
        if (node == expandingPack) {
            right(expandingElement);
        } else if (node instanceof Node.Indirection i && isReference(i) && collapsed(i) != i) {
            right(collapsed(i));
        } else if (node instanceof Node.Indirection i) {
            if (needsParentheses(i.target())) {
                out.append(')');
            }
            right(i.target());
        } else if (node instanceof Node.CvQualified c) {
            right(c.type());
        } else if (node instanceof Node.FunctionType f) {
            out.append('(');
            commaList(f.parameters());
            out.append(')').append(f.qualifiers());
            right(f.returnType());
        } else if (node instanceof Node.ArrayType a) {
            if (lastChar() != ']') {
                out.append(' ');
            }
            out.append('[');
            full(a.dimension());
            out.append(']');
            right(a.element());
        } else if (node instanceof Node.MemberPointer m) {
            if (m.member() instanceof Node.FunctionType) {
                out.append(')');
            }
            right(m.member());
        }
    }

    /**
     * Prints {@code pattern} once per element of the argument pack it contains, the element standing in for
     * the pack each time ({@code DpOT_} with T_ = {int, char} is {@code int&&, char&&}); an empty pack prints
     * nothing.
     */
    private void packExpansion(Node pattern) {
        Node.ArgPack pack = findPack(pattern, 0);
        if (pack == null) {
            throw new Rejected("pack expansion without an argument pack");
        }
        Node.ArgPack saved = expandingPack;
        Node savedElement = expandingElement;
        try {
            expandingPack = pack;
            List<Node> elements = pack.elements();
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                expandingElement = elements.get(i);
                full(pattern);
            }
        } finally {
            expandingPack = saved;
            expandingElement = savedElement;
        }
    }

    private Node.ArgPack findPack(Node node, int level) {
        enter();
        try {
            if (node instanceof Node.ArgPack pack) {
                return pack;
            }
            if (node instanceof Node.Indirection i) {
                return findPack(i.target(), level + 1);
            }
            if (node instanceof Node.CvQualified c) {
                return findPack(c.type(), level + 1);
            }
            if (node instanceof Node.Template t) {
                for (Node arg : t.args()) {
                    Node.ArgPack found = findPack(arg, level + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } finally {
            depth--;
        }
    }

    /**
     * Whether a return type is a pointer or reference to a function or array: then the function's own
     * parameter list goes inside that declarator's parentheses, {@code int (*(char))(long)}, with no space.
     */
    private boolean declaresInParentheses(Node type) {
        Node t = type == expandingPack ? expandingElement : type;
        for (int hops = 0; hops < MAX_DEPTH; hops++) {
            if (t instanceof Node.Indirection i) {
                if (needsParentheses(i.target())) {
                    return true;
                }
                t = i.target() == expandingPack ? expandingElement : i.target();
            } else if (t instanceof Node.CvQualified c) {
                t = c.type();
            } else {
                return t instanceof Node.MemberPointer m && m.member() instanceof Node.FunctionType;
            }
        }
        throw new Rejected("type nested too deeply");
    }

    /**
     * A type a declarator is built on. An argument pack may only stand there while a pack expansion prints it
     * element by element; a bare pack under a pointer or qualifier has no single rendering.
     */
    private Node unpacked(Node type) {
        if (type instanceof Node.ArgPack && type != expandingPack) {
            throw new Rejected("argument pack used outside a pack expansion");
        }
        return type;
    }

    private static boolean isReference(Node.Indirection i) {
        return !i.symbol().equals("*");
    }

    /**
     * Reference collapsing, which a template argument substituted into a reference type undergoes:
     * {@code & &}, {@code & &&} and {@code && &} are {@code &}; {@code && &&} is {@code &&}.
     */
    private Node collapsed(Node.Indirection reference) {
        Node target = reference.target() == expandingPack ? expandingElement : reference.target();
        if (!(target instanceof Node.Indirection inner) || !isReference(inner)) {
            return reference;
        }
        if (inner.target() instanceof Node.Indirection third && isReference(third)) {
            // c++filt collapses one level only and prints "int&&&" here; such names are not worth imitating.
            throw new Rejected("reference to reference to reference");
        }
        if (inner.symbol().equals("&") || inner.symbol().equals(reference.symbol())) {
            return inner;
        }
        return new Node.Indirection(inner.target(), "&");
    }

    private boolean needsParentheses(Node node) {
        Node target = node == expandingPack ? expandingElement : node;
        return target instanceof Node.FunctionType || target instanceof Node.ArrayType;
    }

    /**
     * Opens a declarator: {@code void (*}. A pointer declarator inside another one (a pointer to a function
     * returning a function pointer, {@code void (*(*)(int))(int)}) takes no space; a member pointer
     * ({@code target} null) always does.
     */
    private void openParenthesis(Node target) {
        Node t = target == expandingPack ? expandingElement : target;
        boolean nested = t instanceof Node.FunctionType f && declaresInParentheses(f.returnType());
        if (!nested && lastChar() != '(') {
            out.append(' ');
        }
        out.append('(');
    }

    /**
     * Joins with ", ". Elements that print nothing (empty packs) keep their separators, except at the end of
     * the list, where c++filt takes them back: {@code <int, , char>} but {@code <int>}.
     */
    private void commaList(List<Node> nodes) {
        int trailingEmptyFrom = -1;
        for (int i = 0; i < nodes.size(); i++) {
            int beforeSeparator = out.length();
            if (i > 0) {
                out.append(", ");
            }
            int before = out.length();
            full(nodes.get(i));
            if (out.length() != before) {
                trailingEmptyFrom = -1;
            } else if (i > 0 && trailingEmptyFrom < 0) {
                trailingEmptyFrom = beforeSeparator;
            }
        }
        if (trailingEmptyFrom >= 0) {
            out.setLength(trailingEmptyFrom);
            retractedAt = out.length();
        }
    }

    private void encoding(Node.Encoding e) {
        if (e.returnType() != null) {
            if (declaresInParentheses(e.returnType())) {
                throw new Rejected("function returning a pointer to a function or array");
            }
            full(e.returnType());
            out.append(' ');
        }
        String qualifiers = "";
        Node name = e.name();
        if (name instanceof Node.FunctionQualified q) {
            name = q.name();
            qualifiers = q.qualifiers();
        } else if (name instanceof Node.Local l && l.entity() instanceof Node.FunctionQualified q) {
            name = new Node.Local(l.function(), q.name());
            qualifiers = q.qualifiers();
        }
        full(name);
        out.append('(');
        commaList(e.parameters());
        out.append(')').append(qualifiers);
    }

    private void literal(Node.Literal l) {
        String type = l.type() instanceof Node.Name n ? n.text() : null;
        if ("bool".equals(type) && (l.value().equals("0") || l.value().equals("1"))) {
            out.append(l.value().equals("1") ? "true" : "false");
            return;
        }
        String suffix = type == null ? null : ManglingTables.LITERAL_SUFFIXES.get(type);
        if (suffix != null) {
            out.append(l.value()).append(suffix);
            return;
        }
        out.append('(');
        full(l.type());
        out.append(')').append(l.value());
    }

    private void unary(Node.Unary u) {
        switch (u.code()) {
            case "st", "sz" -> {
                out.append("sizeof (");
                full(u.operand());
                out.append(')');
            }
            case "at", "az" -> {
                out.append("alignof (");
                full(u.operand());
                out.append(')');
            }
            default -> {
                out.append(ManglingTables.OPERATORS.get(u.code()).symbol());
                Node operand = u.operand();
                // The address of a member function is printed as its qualified name, without the signature.
                if (u.code().equals("ad") && operand instanceof Node.Encoding e
                        && e.name() instanceof Node.Qualified) {
                    operand = e.name();
                }
                subexpression(operand);
            }
        }
    }

    private void subexpression(Node node) {
        boolean bare = node instanceof Node.Name || node instanceof Node.Qualified
                || node instanceof Node.FunctionParameter;
        if (!bare) {
            out.append('(');
        }
        full(node);
        if (!bare) {
            out.append(')');
        }
    }

    private char lastChar() {
        if (out.length() == retractedAt) {
            return ' ';
        }
        return out.length() == 0 ? '\0' : out.charAt(out.length() - 1);
    }
}
