// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.it.DumpText.DumpedFrame;
import dev.pyspy4j.it.DumpText.DumpedThread;
import dev.pyspy4j.it.DumpText.DumpedVariable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump --locals} on every interpreter: the arguments and locals of {@code inspected()} in
 * {@code scripts/locals.py}, one of each kind the renderer knows, in text (with {@code -l} and {@code -ll}) and
 * in JSON. The expected renderings are written out in {@link LocalsExpectations}; the target reports the address of
 * each value itself.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpLocalsIT {
    @RegisterExtension
    final SharedTargets targets = new SharedTargets();
    private final Path script = Interpreters.script("locals.py");

    /** Static: JUnit fills instance fields only before each test, after {@code @BeforeAll} started the targets. */
    @TempDir
    static Path addresses;

    List<Path> pythons() {
        return Interpreters.all();
    }

    @BeforeAll
    void startTargets() {
        for (Path python : pythons()) {
            targets.startForEach(List.of(python), script, addressFile(python).toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void everyKindOfValueIsRenderedUnderArgumentsOrLocals(Path python) throws Exception {
        Process target = targets.get(python, script);
        LocalsExpectations expected = expectations(python, 1);

        Pyspy4jJar.Result result = DumpCli.dump(target, "--locals");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        List<DumpedFrame> frames = mainThread(result).frames();
        ScriptMarkers markers = ScriptMarkers.of(script);
        assertThat(frames).extracting(DumpedFrame::function, DumpedFrame::line).containsExactly(
                tuple("inspected", markers.line("inspected")),
                tuple("<module>", markers.line("<module>")));
        assertThat(frames.get(1).variables()).as("a module has no locals, its variables are globals").isEmpty();
        assertVariables(frames.get(0).variables(), expected, result.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void repeatingTheOptionDoublesTheLengthOfEachValue(Path python) throws Exception {
        Process target = targets.get(python, script);
        LocalsExpectations expected = expectations(python, 2);

        Pyspy4jJar.Result result = DumpCli.dump(target, "-ll");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertVariables(mainThread(result).frames().get(0).variables(), expected, result.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void jsonListsEachVariableWithItsAddress(Path python) throws Exception {
        Process target = targets.get(python, script);
        LocalsExpectations expected = expectations(python, 1);

        Pyspy4jJar.Result result = DumpCli.dump(target, "-l", "--json");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode frames = new ObjectMapper().readTree(result.out()).get(0).get("frames");
        assertThat(frames.get(1).get("locals").isArray()).as("locals of <module> listed").isTrue();
        assertThat(frames.get(1).get("locals")).as("locals of <module>").isEmpty();
        JsonNode locals = frames.get(0).get("locals");
        List<String> names = new ArrayList<>();
        for (JsonNode local : locals) {
            String name = local.get("name").asText();
            names.add(name);
            assertThat(DumpJsonIT.fieldNames(local)).containsExactly("name", "addr", "arg", "repr");
            assertThat(local.get("addr").isIntegralNumber()).isTrue();
            assertThat(local.get("addr").asLong()).as("address of " + name).isEqualTo(expected.address(name));
            assertThat(local.get("arg").asBoolean()).as("arg of " + name).isEqualTo(expected.isArgument(name));
            expected.assertRepr(name, local.get("repr").asText());
        }
        assertThat(names).containsExactlyElementsOf(expected.names());
    }

    private void assertVariables(List<DumpedVariable> variables, LocalsExpectations expected, String dump) {
        assertThat(variables).extracting(DumpedVariable::name).as(dump).containsExactlyElementsOf(expected.names());
        for (DumpedVariable variable : variables) {
            assertThat(variable.argument()).as("under Arguments: " + variable.name())
                    .isEqualTo(expected.isArgument(variable.name()));
            expected.assertRepr(variable.name(), variable.repr());
        }
    }

    private static DumpedThread mainThread(Pyspy4jJar.Result result) {
        List<DumpedThread> threads = DumpText.threads(result.out());
        assertThat(threads).as(result.out()).singleElement().extracting(DumpedThread::name).isEqualTo("MainThread");
        return threads.get(0);
    }

    private LocalsExpectations expectations(Path python, int level) throws Exception {
        Map<String, Long> ids = new LinkedHashMap<>();
        new ObjectMapper().readTree(addressFile(python).toFile()).fields()
                .forEachRemaining(field -> ids.put(field.getKey(), field.getValue().asLong()));
        return new LocalsExpectations(PythonRelease.of(python), ids, level);
    }

    private Path addressFile(Path python) {
        return addresses.resolve(python.toString().replace('/', '_') + ".json");
    }
}
