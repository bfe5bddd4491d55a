// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static dev.pyspy4j.it.NativeStackAssert.assertThatStack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump --native --json} of a Python function that compresses with zlib (the system's libz) or hashes with
 * sha256 (OpenSSL's libcrypto where the interpreter's hashlib uses it) on large buffers, on every interpreter: the
 * library's frames lie above the interpreter's extension module's, above the Python caller. The system libraries are
 * stripped: their exported functions ({@code deflate}, {@code SHA256_Update}) have names, their static ones show as
 * addresses.
 */
@EnabledOnOs(OS.LINUX)
class NativeLibrariesIT {
    /**
     * The target spends nearly all its time inside the library; a dump that falls between two calls (the stack ends
     * in the Python caller) is taken again, at most this many times in all.
     */
    private static final int DUMPS = 10;

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path temp;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void deflateUnderZlibCompressUnderPythonCaller(Path python) throws Exception {
        Sample sample = dumpInside(python, "zlib", caught -> caught.isInside("libz.so"));
        List<JsonNode> natives = sample.nativeFramesAboveCaller();

        JsonNode deflate = natives.stream().filter(frame -> frame.get("name").asText().equals("deflate"))
                .findFirst().orElseThrow(() -> new AssertionError("no deflate frame: " + sample.describe()));
        assertThat(moduleName(deflate)).startsWith("libz.so");
        for (JsonNode frame : natives.subList(0, natives.indexOf(deflate))) {
            // Inside deflate: its static helpers (deflate_slow, longest_match, fill_window...) or memory copies.
            assertThat(moduleName(frame) + " " + frame.get("name").asText()).as(sample.describe())
                    .matches("(libz\\.so.* (deflate\\w*|longest_match|fill_window|read_buf|adler32\\w*|0x\\p{XDigit}+))"
                            + "|(libc\\.so.* .*)");
        }
        // Below deflate down to the Python caller: only zlib's own frames and the interpreter's zlib module (pyenv
        // builds it as an extension module of its own; Debian builds it into the interpreter, whose own functions a
        // merge leaves out).
        List<JsonNode> below = natives.subList(natives.indexOf(deflate) + 1, natives.size());
        assertThat(below).as(sample.describe()).allSatisfy(frame -> assertThat(
                moduleName(frame).startsWith("libz.so") || sample.isImplementation(frame)).isTrue());
        if (!sample.implementation().isNull()) {
            assertThat(below).as(sample.describe()).anySatisfy(frame -> {
                assertThat(sample.isImplementation(frame)).isTrue();
                assertThat(frame.get("name").asText()).matches("zlib_compress\\w*|PyZlib_compress");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void sha256UnderPythonCaller(Path python) throws Exception {
        // With OpenSSL, hashing a large buffer spends nearly all its time under SHA256_Update, but a dump can also fall
        // into the context set-up and copy around it (EVP_MD_CTX_reset, EVP_MD_CTX_copy): those are taken again.
        Sample sample = dumpInside(python, "sha256", caught -> caught.info().get("openssl").asBoolean()
                ? caught.isInside("libcrypto.so") && caught.hasNativeFrame("SHA256_Update")
                : caught.implementation().isNull() || caught.isInside(caught.implementationName()));
        List<JsonNode> natives = sample.nativeFramesAboveCaller();
        if (sample.info().get("openssl").asBoolean()) {
            assertThat(natives).as(sample.describe()).anySatisfy(frame -> {
                assertThat(moduleName(frame)).startsWith("libcrypto.so");
                assertThat(frame.get("name").asText()).isEqualTo("SHA256_Update");
            });
            // Between OpenSSL and the Python caller: only OpenSSL and the interpreter's _hashlib module.
            int firstOpenSsl = 0;
            while (!moduleName(natives.get(firstOpenSsl)).startsWith("libcrypto.so")) {
                firstOpenSsl++;
            }
            assertThat(natives.subList(firstOpenSsl, natives.size())).as(sample.describe()).allSatisfy(frame ->
                    assertThat(moduleName(frame).startsWith("libcrypto.so") || sample.isImplementation(frame))
                            .isTrue());
        } else if (!sample.implementation().isNull()) {
            assertThat(natives).as(sample.describe()).anySatisfy(frame ->
                    assertThat(frame.get("module").asText()).isEqualTo(sample.implementationPath()));
        } else {
            // Built into the interpreter (Debian sid's 3.14 and 3.15): its functions are the interpreter's own, which a
            // merge leaves out.
            assertThat(natives).as(sample.describe()).isEmpty();
        }
    }

    /** Dumps the target until a dump is {@code caught} in the code the test is about. */
    private Sample dumpInside(Path python, String kind, Predicate<Sample> caught) throws Exception {
        Path script = Interpreters.script("native_libraries.py");
        Path info = temp.resolve("implementation.json");
        Process target = targets.startPython(python, script, kind, info.toString());
        ScriptMarkers markers = ScriptMarkers.of(script);
        String caller = kind.equals("zlib") ? "compress_caller" : "hash_caller";
        List<String> pythonFrames = List.of(
                caller + " (" + script + ":" + markers.line(caller) + ")",
                "<module> (" + script + ":" + markers.line("module_" + caller) + ")");
        Sample sample = null;
        for (int attempt = 0; attempt < DUMPS; attempt++) {
            Pyspy4jJar.Result result = DumpCli.dump(target, "--native", "--json");
            assertThat(result.exitCode()).as(result.describe()).isZero();
            JsonNode traces = new ObjectMapper().readTree(result.out());
            assertThat(traces).as(result.out()).hasSize(1);
            sample = new Sample(traces.get(0), new ObjectMapper().readTree(info.toFile()), pythonFrames);
            assertThat(NativeStackAssert.pythonFrames(sample.trace())).as(sample.describe())
                    .containsExactlyElementsOf(pythonFrames);
            if (caught.test(sample)) {
                return sample;
            }
        }
        throw new AssertionError("no dump of " + DUMPS + " caught the target in the library; the last: "
                + sample.describe());
    }

    private static String moduleName(JsonNode frame) {
        return Path.of(frame.get("module").asText()).getFileName().toString();
    }

    /** One thread's merged stack, and which binary the target said implements the work. */
    private record Sample(JsonNode trace, JsonNode info, List<String> pythonFrames) {

        List<JsonNode> frames() {
            return StreamSupport.stream(trace.get("frames").spliterator(), false).toList();
        }

        /** The frames above (leaf-ward of) the Python caller, which must all be native. */
        List<JsonNode> nativeFramesAboveCaller() {
            List<JsonNode> frames = frames();
            int caller = 0;
            while (caller < frames.size() && !frames.get(caller).get("module").isNull()) {
                caller++;
            }
            return frames.subList(0, caller);
        }

        boolean isInside(String binaryPrefix) {
            return nativeFramesAboveCaller().stream().anyMatch(frame -> moduleName(frame).startsWith(binaryPrefix));
        }

        boolean hasNativeFrame(String name) {
            return nativeFramesAboveCaller().stream().anyMatch(frame -> frame.get("name").asText().equals(name));
        }

        JsonNode implementation() {
            return info.get("implementation");
        }

        boolean isImplementation(JsonNode frame) {
            return !implementation().isNull() && frame.get("module").asText().equals(implementationPath());
        }

        String implementationName() {
            return Path.of(implementation().asText()).getFileName().toString();
        }

        String implementationPath() {
            try {
                return Path.of(implementation().asText()).toRealPath().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String describe() {
            return assertThatStack(trace).describe() + "\nimplementation: " + info;
        }
    }
}
