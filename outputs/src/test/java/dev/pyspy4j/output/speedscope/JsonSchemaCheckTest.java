// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The test-only schema validator accepts what speedscope's schema allows and rejects what it forbids. */
class JsonSchemaCheckTest {
    private static final String VALID = """
            {"$schema":"https://www.speedscope.app/file-format-schema.json",
             "profiles":[{"type":"sampled","name":"t","unit":"seconds","startValue":0,"endValue":0.02,
                          "samples":[[0,1],[]],"weights":[0.01,0.01]},
                         {"type":"evented","name":"e","unit":"none","startValue":0,"endValue":1,
                          "events":[{"type":"O","frame":0,"at":0},{"type":"C","frame":0,"at":1}]}],
             "shared":{"frames":[{"name":"main","file":"a.py","line":3},{"name":"f"}]},
             "activeProfileIndex":0,"exporter":"x","name":"n"}
            """;

    private final JsonSchemaCheck schema = JsonSchemaCheck.speedscope();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode valid() throws Exception {
        return mapper.readTree(VALID);
    }

    @Test
    void acceptsAValidFileWithBothProfileTypes() throws Exception {
        assertThat(schema.violations(valid())).isEmpty();
    }

    @Test
    void rejectsNullWhereTheSchemaWantsANumber() throws Exception {
        JsonNode file = valid();
        ((ObjectNode) file.at("/shared/frames/0")).putNull("line");
        ((ObjectNode) file).putNull("activeProfileIndex");

        assertThat(schema.violations(file)).containsExactlyInAnyOrder(
                "/shared/frames/0/line: expected number but was NULL",
                "/activeProfileIndex: expected number but was NULL");
    }

    @Test
    void rejectsAMissingRequiredPropertyAndAWrongConstant() throws Exception {
        JsonNode file = valid();
        ((ObjectNode) file).remove("shared");
        ((ObjectNode) file).put("$schema", "https://example.com/schema");

        assertThat(schema.violations(file)).containsExactlyInAnyOrder(
                ": missing required property 'shared'",
                "/$schema: expected \"https://www.speedscope.app/file-format-schema.json\" but was"
                        + " \"https://example.com/schema\"");
    }

    @Test
    void rejectsAProfileMatchingNeitherAlternative() throws Exception {
        JsonNode file = valid();
        ((ArrayNode) file.at("/profiles/0/samples/0")).add("x");
        ((ObjectNode) file.at("/profiles/1")).put("unit", "hours");

        assertThat(schema.violations(file)).hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("matches none of the anyOf alternatives"))
                .anySatisfy(problem -> assertThat(problem).startsWith("/profiles/0:")
                        .contains("/profiles/0/samples/0/2: expected number but was STRING"))
                .anySatisfy(problem -> assertThat(problem).startsWith("/profiles/1:")
                        .contains("\"hours\" is not one of"));
    }

    @Test
    void refusesKeywordsItDoesNotImplement() throws Exception {
        JsonSchemaCheck strict = new JsonSchemaCheck(mapper.readTree("{\"minimum\":3}"));

        assertThatThrownBy(() -> strict.violations(mapper.readTree("5")))
                .hasMessageContaining("keyword 'minimum' is not supported");
    }
}
