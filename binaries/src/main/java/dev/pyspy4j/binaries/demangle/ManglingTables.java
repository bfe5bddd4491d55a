// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.util.Map;
import java.util.Set;

/** The fixed vocabularies of the Itanium mangling: builtin types, operators and the std:: abbreviations. */
final class ManglingTables {

    /** One-letter builtin types ('u', a vendor type, is deliberately absent). */
    static final Map<Character, String> BUILTIN_TYPES = Map.ofEntries(
            Map.entry('v', "void"), Map.entry('w', "wchar_t"), Map.entry('b', "bool"), Map.entry('c', "char"),
            Map.entry('a', "signed char"), Map.entry('h', "unsigned char"), Map.entry('s', "short"),
            Map.entry('t', "unsigned short"), Map.entry('i', "int"), Map.entry('j', "unsigned int"),
            Map.entry('l', "long"), Map.entry('m', "unsigned long"), Map.entry('x', "long long"),
            Map.entry('y', "unsigned long long"), Map.entry('n', "__int128"), Map.entry('o', "unsigned __int128"),
            Map.entry('f', "float"), Map.entry('d', "double"), Map.entry('e', "long double"),
            Map.entry('g', "__float128"), Map.entry('z', "..."));

    /** Builtin types introduced by 'D'. */
    static final Map<Character, String> D_BUILTIN_TYPES = Map.ofEntries(
            Map.entry('a', "auto"), Map.entry('c', "decltype(auto)"), Map.entry('n', "decltype(nullptr)"),
            Map.entry('i', "char32_t"), Map.entry('s', "char16_t"), Map.entry('u', "char8_t"),
            Map.entry('f', "decimal32"), Map.entry('d', "decimal64"), Map.entry('e', "decimal128"),
            Map.entry('h', "half"));

    /** Types whose literals are encoded as hexadecimal bit patterns, which are not rendered. */
    static final Set<String> FLOATING_TYPES = Set.of("float", "double", "long double", "__float128", "decimal32",
            "decimal64", "decimal128", "half");

    /** Suffix a literal of this builtin type carries instead of a "(type)" cast. */
    static final Map<String, String> LITERAL_SUFFIXES = Map.of(
            "int", "", "unsigned int", "u", "long", "l", "unsigned long", "ul", "long long", "ll",
            "unsigned long long", "ull");

    /** An operator: its spelling after the word "operator" and how many operands it takes in expressions. */
    record OperatorInfo(String symbol, int arity) {
    }

    static final Map<String, OperatorInfo> OPERATORS = Map.ofEntries(
            op("nw", "new", 3), op("na", "new[]", 3), op("dl", "delete", 1), op("da", "delete[]", 1),
            op("ps", "+", 1), op("ng", "-", 1), op("ad", "&", 1), op("de", "*", 1), op("co", "~", 1),
            op("pl", "+", 2), op("mi", "-", 2), op("ml", "*", 2), op("dv", "/", 2), op("rm", "%", 2),
            op("an", "&", 2), op("or", "|", 2), op("eo", "^", 2), op("aS", "=", 2), op("pL", "+=", 2),
            op("mI", "-=", 2), op("mL", "*=", 2), op("dV", "/=", 2), op("rM", "%=", 2), op("aN", "&=", 2),
            op("oR", "|=", 2), op("eO", "^=", 2), op("ls", "<<", 2), op("rs", ">>", 2), op("lS", "<<=", 2),
            op("rS", ">>=", 2), op("eq", "==", 2), op("ne", "!=", 2), op("lt", "<", 2), op("gt", ">", 2),
            op("le", "<=", 2), op("ge", ">=", 2), op("ss", "<=>", 2), op("nt", "!", 1), op("aa", "&&", 2),
            op("oo", "||", 2), op("pp", "++", 1), op("mm", "--", 1), op("cm", ",", 2), op("pm", "->*", 2),
            op("pt", "->", 2), op("cl", "()", 2), op("ix", "[]", 2), op("qu", "?", 3), op("st", "sizeof", 1),
            op("sz", "sizeof", 1), op("at", "alignof", 1), op("az", "alignof", 1), op("aw", "co_await", 1),
            op("dt", ".", 2));

    private static Map.Entry<String, OperatorInfo> op(String code, String symbol, int arity) {
        return Map.entry(code, new OperatorInfo(symbol, arity));
    }

    /**
     * A std:: abbreviation ({@code Sa}, {@code Ss}, ...): its full spelling and the class name a constructor
     * or destructor of it takes.
     */
    record StdAbbreviation(String full, String lastName) {
    }

    static final Map<Character, StdAbbreviation> STD_ABBREVIATIONS = Map.of(
            't', new StdAbbreviation("std", null),
            'a', new StdAbbreviation("std::allocator", "allocator"),
            'b', new StdAbbreviation("std::basic_string", "basic_string"),
            's', new StdAbbreviation("std::basic_string<char, std::char_traits<char>, std::allocator<char> >", "basic_string"),
            'i', new StdAbbreviation("std::basic_istream<char, std::char_traits<char> >",
                    "basic_istream"),
            'o', new StdAbbreviation("std::basic_ostream<char, std::char_traits<char> >",
                    "basic_ostream"),
            'd', new StdAbbreviation("std::basic_iostream<char, std::char_traits<char> >",
                    "basic_iostream"));

    private ManglingTables() {
    }
}
