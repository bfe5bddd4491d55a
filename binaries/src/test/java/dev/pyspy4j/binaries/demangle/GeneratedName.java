// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small C++ name model for property tests, with its own Itanium mangler (substitutions included, recorded
 * in the order the ABI defines) and the text c++filt -p prints for it. The model covers namespaces, classes,
 * class and function templates with type and integer arguments, pointers, const, constructors, destructors,
 * operators and const member functions.
 */
final class GeneratedName {

    sealed interface Type permits Builtin, Pointer, Const, ClassRef {
    }

    record Builtin(char code, String text) implements Type {
    }

    record Pointer(Type target) implements Type {
    }

    record Const(Type target) implements Type {
    }

    record ClassRef(List<Component> path) implements Type {
    }

    sealed interface Arg permits TypeArg, IntArg {
    }

    record TypeArg(Type type) implements Arg {
    }

    record IntArg(long value) implements Arg {
    }

    /** One level of a qualified name; no arguments means not a template. */
    record Component(String identifier, List<Arg> args) {
    }

    /** What the function's own (last) name component is. */
    sealed interface Final permits Plain, Ctor, Dtor, Op {
    }

    record Plain(String identifier) implements Final {
    }

    record Ctor() implements Final {
    }

    record Dtor() implements Final {
    }

    record Op(String code, String symbol) implements Final {
    }

    /** A function; {@code scope} empty means a global one. */
    record Function(List<Component> scope, Final last, List<Arg> templateArgs, boolean constMember,
            Type returnType, List<Type> parameters) {
    }

    private GeneratedName() {
    }

    /** The mangled symbol of {@code function}. */
    static String mangle(Function function) {
        return new Mangler().function(function);
    }

    /** What c++filt -p prints for it. */
    static String expected(Function function) {
        StringBuilder out = new StringBuilder();
        for (Component component : function.scope()) {
            component(out, component);
            out.append("::");
        }
        Final last = function.last();
        if (last instanceof Plain p) {
            out.append(p.identifier());
        } else if (last instanceof Ctor) {
            out.append(function.scope().get(function.scope().size() - 1).identifier());
        } else if (last instanceof Dtor) {
            out.append('~').append(function.scope().get(function.scope().size() - 1).identifier());
        } else if (last instanceof Op op) {
            out.append("operator");
            if (Character.isLetter(op.symbol().charAt(0))) {
                out.append(' ');
            }
            out.append(op.symbol());
        }
        args(out, function.templateArgs());
        return out.toString();
    }

    private static void component(StringBuilder out, Component component) {
        out.append(component.identifier());
        args(out, component.args());
    }

    private static void args(StringBuilder out, List<Arg> args) {
        if (args.isEmpty()) {
            return;
        }
        if (out.charAt(out.length() - 1) == '<') {
            out.append(' ');
        }
        out.append('<');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Arg arg = args.get(i);
            if (arg instanceof IntArg n) {
                out.append(n.value());
            } else if (arg instanceof TypeArg t) {
                out.append(text(t.type()));
            }
        }
        if (out.charAt(out.length() - 1) == '>') {
            out.append(' ');
        }
        out.append('>');
    }

    static String text(Type type) {
        if (type instanceof Builtin b) {
            return b.text();
        }
        if (type instanceof Pointer p) {
            return text(p.target()) + "*";
        }
        if (type instanceof Const c) {
            return text(c.target()) + " const";
        }
        StringBuilder out = new StringBuilder();
        List<Component> path = ((ClassRef) type).path();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append("::");
            }
            component(out, path.get(i));
        }
        return out.toString();
    }

    /**
     * Mangles with substitutions. Every entity is keyed by its printed text; an entity is added to the table
     * exactly where a demangler adds it, so the S_ indices this emits are the ones a demangler resolves.
     */
    private static final class Mangler {
        private final List<String> table = new ArrayList<>();
        private final StringBuilder out = new StringBuilder("_Z");

        String function(Function f) {
            boolean nested = !f.scope().isEmpty();
            if (nested) {
                out.append('N');
                if (f.constMember()) {
                    out.append('K');
                }
                prefix(f.scope(), true);
            }
            String scopeText = nested ? text(new ClassRef(f.scope())) + "::" : "";
            String finalKey = scopeText + finalCode(f);
            finalName(f);
            if (!f.templateArgs().isEmpty()) {
                table.add(finalKey);
                templateArgs(f.templateArgs());
            }
            if (nested) {
                out.append('E');
            }
            if (!f.templateArgs().isEmpty() && !(f.last() instanceof Ctor)) {
                type(f.returnType());
            }
            if (f.parameters().isEmpty()) {
                out.append('v');
            }
            for (Type parameter : f.parameters()) {
                type(parameter);
            }
            return out.toString();
        }

        private static String finalCode(Function f) {
            Final last = f.last();
            if (last instanceof Plain p) {
                return p.identifier();
            }
            return "<" + last + ">";
        }

        private void finalName(Function f) {
            Final last = f.last();
            if (last instanceof Plain p) {
                sourceName(p.identifier());
            } else if (last instanceof Ctor) {
                out.append("C1");
            } else if (last instanceof Dtor) {
                out.append("D1");
            } else if (last instanceof Op op) {
                out.append(op.code());
            }
        }

        /**
         * The components of a nested name; {@code moreFollows} says whether a further component (the function's
         * own name) comes after them, which makes the last of them a substitution candidate too.
         */
        private void prefix(List<Component> path, boolean moreFollows) {
            int start = 0;
            for (int i = path.size() - 1; i >= 0; i--) {
                int full = table.indexOf(key(path, i, true));
                if (full >= 0) {
                    substitution(full);
                    start = i + 1;
                    break;
                }
                int templateName = path.get(i).args().isEmpty() ? -1 : table.indexOf(key(path, i, false));
                if (templateName >= 0) {
                    substitution(templateName);
                    templateArgs(path.get(i).args());
                    if (i < path.size() - 1 || moreFollows) {
                        table.add(key(path, i, true));
                    }
                    start = i + 1;
                    break;
                }
            }
            for (int i = start; i < path.size(); i++) {
                boolean candidate = i < path.size() - 1 || moreFollows;
                Component component = path.get(i);
                sourceName(component.identifier());
                if (!component.args().isEmpty()) {
                    table.add(key(path, i, false));
                    templateArgs(component.args());
                }
                if (candidate) {
                    table.add(key(path, i, true));
                }
            }
        }

        private static String key(List<Component> path, int index, boolean withArgs) {
            List<Component> upTo = new ArrayList<>(path.subList(0, index + 1));
            if (!withArgs) {
                upTo.set(index, new Component(upTo.get(index).identifier(), List.of()));
            }
            return text(new ClassRef(upTo));
        }

        private void type(Type type) {
            if (type instanceof Builtin b) {
                out.append(b.code());
                return;
            }
            String key = text(type);
            int existing = table.indexOf(key);
            if (existing >= 0) {
                substitution(existing);
                return;
            }
            if (type instanceof Pointer p) {
                out.append('P');
                type(p.target());
            } else if (type instanceof Const c) {
                out.append('K');
                type(c.target());
            } else {
                List<Component> path = ((ClassRef) type).path();
                if (path.size() == 1) {
                    unscoped(path);
                } else {
                    out.append('N');
                    prefix(path, false);
                    out.append('E');
                }
            }
            table.add(key);
        }

        private void unscoped(List<Component> path) {
            Component component = path.get(0);
            if (component.args().isEmpty()) {
                sourceName(component.identifier());
                return;
            }
            int templateName = table.indexOf(key(path, 0, false));
            if (templateName >= 0) {
                substitution(templateName);
            } else {
                sourceName(component.identifier());
                table.add(key(path, 0, false));
            }
            templateArgs(component.args());
        }

        private void templateArgs(List<Arg> args) {
            out.append('I');
            for (Arg arg : args) {
                if (arg instanceof IntArg n) {
                    out.append("Li").append(n.value() < 0 ? "n" : "").append(Math.abs(n.value())).append('E');
                } else if (arg instanceof TypeArg t) {
                    type(t.type());
                }
            }
            out.append('E');
        }

        private void sourceName(String identifier) {
            out.append(identifier.length()).append(identifier);
        }

        private void substitution(int index) {
            out.append('S');
            if (index > 0) {
                out.append(Integer.toString(index - 1, 36).toUpperCase(Locale.ROOT));
            }
            out.append('_');
        }
    }
}
