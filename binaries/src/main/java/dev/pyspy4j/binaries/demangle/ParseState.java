// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.ArrayList;
import java.util.List;

/**
 * What the parsers of one mangled name share: the cursor, the substitution table (S_, S0_, ...), the template
 * arguments that T_ refers to, and the last source name (which names a constructor or destructor).
 */
final class ParseState {
    private static final int MAX_DEPTH = 200;
    private static final int MAX_SUBSTITUTIONS = 4096;

    final Cursor in;
    private final List<Node> substitutions = new ArrayList<>();
    /** For each substitution, the template arguments its T_ were bound to (null if it holds no T_). */
    private final List<List<Node>> substitutionContexts = new ArrayList<>();
    /** The innermost template's arguments, or null outside a template's signature. */
    List<Node> templateArgs;
    /** Above zero while parsing a lambda's signature, where T_ means an "auto" parameter. */
    int lambdaSignatureDepth;
    String lastName;
    /** Counts template parameters bound so far (directly or through a substitution that holds one). */
    int parameterUses;
    private int depth;

    ParseState(String mangled) {
        this.in = new Cursor(mangled);
    }

    void enter() {
        in.step();
        if (++depth > MAX_DEPTH) {
            throw new Rejected("nesting too deep");
        }
    }

    void leave() {
        depth--;
    }

    /**
     * Records a substitution candidate; {@code usesBefore} is {@link #parameterUses} when its parsing began,
     * which tells whether it holds a bound template parameter.
     */
    void addSubstitution(Node node, int usesBefore) {
        if (substitutions.size() >= MAX_SUBSTITUTIONS) {
            throw new Rejected("too many substitutions");
        }
        substitutions.add(node);
        substitutionContexts.add(parameterUses > usesBefore ? templateArgs : null);
    }

    Node substitution(int index) {
        if (index < 0 || index >= substitutions.size()) {
            throw new Rejected("substitution S" + index + "_ does not exist yet");
        }
        List<Node> context = substitutionContexts.get(index);
        if (context != null && context != templateArgs) {
            // Made inside one function template's signature, where T_ meant that template's arguments; c++filt
            // binds T_ where the substitution is used instead, so such a reuse is refused rather than guessed.
            throw new Rejected("substitution S" + index + "_ used outside the signature it was made in");
        }
        if (context != null) {
            parameterUses++;
        }
        return substitutions.get(index);
    }

    /** Binds T_ (index 0), T0_ (1), ... to the current template's argument. */
    Node templateParameter(int index) {
        if (lambdaSignatureDepth > 0) {
            return new Node.Name("auto:" + (index + 1));
        }
        if (templateArgs == null || index >= templateArgs.size()) {
            throw new Rejected("template parameter T" + index + "_ outside a template's arguments");
        }
        parameterUses++;
        return templateArgs.get(index);
    }
}
