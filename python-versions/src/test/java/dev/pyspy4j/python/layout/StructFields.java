// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the field paths of a struct defined in a header ({@code runtime_state.interpreters_head} for a nested
 * struct member), so that structs such as {@code _Py_DebugOffsets}, which grow fields in every release, are
 * probed field by field without a hand-kept list. Handles the plain declarations such headers use: scalar,
 * array and nested struct members; not function pointers or bit-fields.
 */
final class StructFields {
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern DIRECTIVES = Pattern.compile("(?m)^\\s*#.*$");
    private static final Pattern ATTRIBUTE_MACROS = Pattern.compile("\\b_Py_[A-Z][A-Z_]*\\b");
    private static final Pattern DECLARATOR = Pattern.compile("([A-Za-z_]\\w*)\\s*(\\[[^\\]]*\\]\\s*)*$");

    private StructFields() {
    }

    /** The field paths of {@code struct tag { ... }} in {@code headerText}, or none if it is not defined there. */
    static List<String> of(String headerText, String tag) {
        String text = DIRECTIVES.matcher(COMMENTS.matcher(headerText).replaceAll(" ")).replaceAll(" ");
        Matcher start = Pattern.compile("struct\\s+" + Pattern.quote(tag) + "\\s*\\{").matcher(text);
        if (!start.find()) {
            return List.of();
        }
        int open = start.end() - 1;
        List<String> paths = new ArrayList<>();
        collect(text.substring(open + 1, matchingBrace(text, open)), "", paths);
        return paths;
    }

    private static void collect(String body, String prefix, List<String> paths) {
        for (String member : topLevelMembers(body)) {
            int open = member.indexOf('{');
            if (open >= 0) {
                int close = matchingBrace(member, open);
                String name = declaratorName(member.substring(close + 1));
                collect(member.substring(open + 1, close), prefix + name + ".", paths);
            } else {
                String declarators = member.replaceFirst("^\\s*(const\\s+)?(struct\\s+)?\\w+[\\s*]+", "");
                for (String declarator : declarators.split(",")) {
                    paths.add(prefix + declaratorName(declarator));
                }
            }
        }
    }

    private static List<String> topLevelMembers(String body) {
        List<String> members = new ArrayList<>();
        int depth = 0;
        int begin = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                String member = body.substring(begin, i).trim();
                if (!member.isEmpty()) {
                    members.add(member);
                }
                begin = i + 1;
            }
        }
        return members;
    }

    private static String declaratorName(String declarator) {
        // Attribute macros such as 3.14's `char cookie[8] _Py_NONSTRING;` follow the declarator: drop them.
        String bare = ATTRIBUTE_MACROS.matcher(declarator.replace("*", " ")).replaceAll(" ").trim();
        Matcher matcher = DECLARATOR.matcher(bare);
        if (!matcher.find()) {
            throw new IllegalArgumentException("cannot read the member name in '" + declarator.trim() + "'");
        }
        return matcher.group(1);
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in a struct definition");
    }
}
