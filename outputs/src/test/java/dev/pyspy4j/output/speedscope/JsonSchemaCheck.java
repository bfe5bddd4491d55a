// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (draft-07) validator for the keywords speedscope's schema uses: {@code $ref} to
 * {@code #/definitions/...}, {@code type}, {@code const}, {@code enum}, {@code properties}, {@code required},
 * {@code items} and {@code anyOf}; annotations ({@code title}, {@code $schema}) are ignored. Any other keyword
 * fails loudly, so that a newer schema cannot be half-checked in silence.
 */
final class JsonSchemaCheck {
    private static final Set<String> IGNORED = Set.of("title", "$schema", "definitions", "description");
    private static final Set<String> SUPPORTED = Set.of("$ref", "type", "const", "enum", "properties", "required",
            "items", "anyOf");

    private final JsonNode root;

    JsonSchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The speedscope schema vendored in the test resources. */
    static JsonSchemaCheck speedscope() {
        try (InputStream in = JsonSchemaCheck.class.getResourceAsStream("/speedscope/file-format-schema.json")) {
            return new JsonSchemaCheck(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema by {@code document}, each as {@code /json/pointer: problem}; empty if valid. */
    List<String> violations(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            if (!IGNORED.contains(keyword.getKey())) {
                checkKeyword(keyword.getKey(), keyword.getValue(), value, path, problems);
            }
        }
    }

    private void checkKeyword(String keyword, JsonNode argument, JsonNode value, String path, List<String> problems) {
        switch (keyword) {
            case "$ref" -> check(resolve(argument.asText()), value, path, problems);
            case "type" -> {
                if (!hasType(value, argument.asText())) {
                    problems.add(path + ": expected " + argument.asText() + " but was " + value.getNodeType());
                }
            }
            case "const" -> {
                if (!argument.equals(value)) {
                    problems.add(path + ": expected " + argument + " but was " + value);
                }
            }
            case "enum" -> {
                if (!contains(argument, value)) {
                    problems.add(path + ": " + value + " is not one of " + argument);
                }
            }
            case "properties" -> checkProperties(argument, value, path, problems);
            case "required" -> checkRequired(argument, value, path, problems);
            case "items" -> checkItems(argument, value, path, problems);
            case "anyOf" -> checkAnyOf(argument, value, path, problems);
            default -> throw new IllegalStateException("keyword '" + keyword + "' is not supported; supported: "
                    + SUPPORTED);
        }
    }

    private JsonNode resolve(String reference) {
        String prefix = "#/definitions/";
        if (!reference.startsWith(prefix)) {
            throw new IllegalStateException("only local definitions are supported, not '" + reference + "'");
        }
        JsonNode target = root.path("definitions").path(reference.substring(prefix.length()));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolved reference '" + reference + "'");
        }
        return target;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type '" + type + "'");
        };
    }

    private static boolean contains(JsonNode choices, JsonNode value) {
        for (JsonNode choice : choices) {
            if (choice.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void checkProperties(JsonNode properties, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> declared = properties.fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> property = declared.next();
            JsonNode member = value.get(property.getKey());
            if (member != null) {
                check(property.getValue(), member, path + "/" + property.getKey(), problems);
            }
        }
    }

    private static void checkRequired(JsonNode required, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            return;
        }
        for (JsonNode name : required) {
            if (!value.has(name.asText())) {
                problems.add(path + ": missing required property '" + name.asText() + "'");
            }
        }
    }

    private void checkItems(JsonNode itemSchema, JsonNode value, String path, List<String> problems) {
        if (!value.isArray()) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(itemSchema, value.get(i), path + "/" + i, problems);
        }
    }

    private void checkAnyOf(JsonNode alternatives, JsonNode value, String path, List<String> problems) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            List<String> attempt = new ArrayList<>();
            check(alternative, value, path, attempt);
            if (attempt.isEmpty()) {
                return;
            }
            reasons.addAll(attempt);
        }
        problems.add(path + ": matches none of the anyOf alternatives " + reasons);
    }
}
