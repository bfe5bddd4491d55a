// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code dump --locals} must show for {@code inspected()} in {@code scripts/locals.py}: its variables in slot
 * order (positional arguments first, then {@code *args}, {@code **kwargs} and the locals in the order the source
 * first assigns them), each with its rendering: py-spy's (double quotes, {@code True}, {@code None}) with Python's
 * own digits for floats and the full value of big and negative ints, which py-spy gets wrong.
 *
 * <p>Where Python 2 differs, the expectation follows it: {@code b"..."} is a {@code str} there, rendered as text
 * like any {@code str} (its bytes read as UTF-8, so {@code \xff} becomes U+FFFD). The set and dict renderings are the
 * same on every version although Python 2's own repr of a set is {@code set([3, 4])}; the dict's int keys hash to
 * themselves, so Python 2's table order is the insertion order of 3.6+.
 */
final class LocalsExpectations {
    private static final int BUDGET_PER_LEVEL = 128;
    /** A text cut to the budget keeps {@code budget - 5} characters, then {@code ..."}. */
    private static final int CUT_TEXT_OVERHEAD = 5;
    private static final String LONG_TEXT = "abcdefghij".repeat(30);
    private static final String LONG_LIST = IntStream.range(0, 100).mapToObj(Integer::toString)
            .collect(Collectors.joining(", ", "[", "]"));

    private final Map<String, Long> addresses;
    private final int budget;
    private final Map<String, Consumer<String>> reprChecks = new LinkedHashMap<>();
    private final List<String> arguments = List.of("number", "label");

    /**
     * @param addresses each variable's {@code id()}, as the script reported it
     * @param level     how many times {@code -l} was given
     */
    LocalsExpectations(PythonRelease release, Map<String, Long> addresses, int level) {
        this.addresses = Map.copyOf(addresses);
        this.budget = BUDGET_PER_LEVEL * level;
        exactly("number", "5");
        exactly("label", "\"lbl\"");
        exactly("extra", "(\"more\",)");
        exactly("options", "{\"key\": \"value\"}");
        exactly("small_int", "42");
        exactly("big_int", BigInteger.TWO.pow(100).toString());
        exactly("negative_int", "-7");
        exactly("big_negative_int", BigInteger.TWO.pow(70).negate().toString());
        exactly("a_float", "2.5");
        exactly("tiny_float", "1.5e-07");
        exactly("huge_float", "1e+16");
        exactly("true", "True");
        exactly("false", "False");
        exactly("nothing", "None");
        exactly("text", "\"say \\\"hi\\\"\\n\\tback\\\\slash\"");
        exactly("latin", "\"ünïcödé\"");
        exactly("wide", "\"名前\"");
        exactly("astral", "\"\uD83D\uDCA9 pile\"");
        exactly("long_text", "\"" + LONG_TEXT.substring(0, budget - CUT_TEXT_OVERHEAD) + "...\"");
        exactly("raw", release.isPython2() ? "\"bin\\x00\uFFFD\"" : "b\"bin\\x00\\xff\"");
        exactly("a_list", "[1, 2.5, None, True]");
        reprChecks.put("long_list", this::assertCutList);
        exactly("empty_list", "[]");
        exactly("a_tuple", "(1, \"two\")");
        exactly("single", "(7,)");
        exactly("empty_tuple", "()");
        exactly("a_dict", "{1: \"one\", 2: (3, 4)}");
        exactly("empty_dict", "{}");
        exactly("a_set", "{3, 4}");
        exactly("empty_set", "set()");
        exactly("thing", "<Thing at 0x" + Long.toHexString(address("thing")) + ">");
    }

    List<String> names() {
        return List.copyOf(reprChecks.keySet());
    }

    boolean isArgument(String name) {
        return arguments.contains(name);
    }

    long address(String name) {
        Long address = addresses.get(name);
        assertThat(address).as("address of " + name + " reported by the script").isNotNull();
        return address;
    }

    void assertRepr(String name, String repr) {
        Consumer<String> check = reprChecks.get(name);
        assertThat(check).as("an unexpected variable " + name + ": " + repr).isNotNull();
        check.accept(repr);
    }

    private void exactly(String name, String repr) {
        reprChecks.put(name, actual -> assertThat(actual).as("rendering of " + name).isEqualTo(repr));
    }

    /** As many whole items of {@code list(range(100))} as fit the budget, then {@code , ...]}. */
    private void assertCutList(String actual) {
        assertThat(actual).as("rendering of long_list").endsWith(", ...]").hasSizeLessThanOrEqualTo(budget)
                .hasSizeGreaterThan(budget / 2);
        String shown = actual.substring(0, actual.length() - ", ...]".length());
        assertThat(LONG_LIST).as("rendering of long_list").startsWith(shown + ", ");
    }
}
