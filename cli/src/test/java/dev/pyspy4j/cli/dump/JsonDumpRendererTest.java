// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** py-spy's {@code dump --json}: serde_json's pretty printing of its StackTrace structs. */
class JsonDumpRendererTest {
    private static String render(StackTrace... traces) {
        StringWriter json = new StringWriter();
        new JsonDumpRenderer().render(List.of(traces), json);
        return json.toString();
    }

    @Test
    void writesEveryFieldInPySpysOrderAndLayout() {
        Frame frame = new Frame("sleeper", "/tmp/t.py", null, "t.py", 13, null, false, true);
        StackTrace trace = new StackTrace(31, 139998, "MainThread", 31, false, false, List.of(frame), null);

        assertThat(render(trace)).isEqualTo("""
                [
                  {
                    "pid": 31,
                    "thread_id": 139998,
                    "thread_name": "MainThread",
                    "os_thread_id": 31,
                    "active": false,
                    "owns_gil": false,
                    "frames": [
                      {
                        "name": "sleeper",
                        "filename": "/tmp/t.py",
                        "module": null,
                        "short_filename": "t.py",
                        "line": 13,
                        "locals": null,
                        "is_entry": false,
                        "is_shim_entry": true
                      }
                    ],
                    "process_info": null
                  }
                ]
                """);
    }

    @Test
    void unknownValuesAreNullAndEmptyListsAreBrackets() {
        StackTrace trace = new StackTrace(31, 7, null, 0, true, true, List.of(), null);

        assertThat(render(trace)).isEqualTo("""
                [
                  {
                    "pid": 31,
                    "thread_id": 7,
                    "thread_name": null,
                    "os_thread_id": null,
                    "active": true,
                    "owns_gil": true,
                    "frames": [],
                    "process_info": null
                  }
                ]
                """);
    }

    @Test
    void noTracesIsAnEmptyArray() {
        assertThat(render()).isEqualTo("[]\n");
    }

    @Test
    void threadIdsAboveTheSignedRangeStayUnsigned() {
        StackTrace trace = new StackTrace(1, 0xFFFF_FFFF_FFFF_FFFEL, null, 0, true, false, List.of(), null);

        assertThat(render(trace)).contains("\"thread_id\": 18446744073709551614,");
    }

    @Test
    void escapesControlCharactersAsSerdeDoesAndKeepsTheRest() {
        String name = "a\"b\\c/\b\f\n\r\t\u0001\u001f\u007fé名😀";
        StackTrace trace = new StackTrace(1, 2, name, 3, true, false, List.of(), null);

        assertThat(render(trace)).contains("\"thread_name\": \"a\\\"b\\\\c/\\b\\f\\n\\r\\t\\u0001\\u001f\u007fé名😀\",");
    }

    @Test
    void localsAndProcessInfoWhenPresent() {
        Frame frame = new Frame("f", "f.py", "/lib/libc.so.6", "f.py", 1,
                List.of(new LocalVariable("a", 0x10, true, "7"), new LocalVariable("b", 0x20, false, null)),
                true, false);
        ProcessInfo info = new ProcessInfo(2, "python child.py", new ProcessInfo(1, "python parent.py", null));
        StackTrace trace = new StackTrace(2, 3, "t", 4, true, false, List.of(frame), info);

        String json = render(trace);

        assertThat(json).contains("""
                        "module": "/lib/libc.so.6",
                """, """
                        "locals": [
                          {
                            "name": "a",
                            "addr": 16,
                            "arg": true,
                            "repr": "7"
                          },
                          {
                            "name": "b",
                            "addr": 32,
                            "arg": false,
                            "repr": null
                          }
                        ],
                """, """
                    "process_info": {
                      "pid": 2,
                      "command_line": "python child.py",
                      "parent": {
                        "pid": 1,
                        "command_line": "python parent.py",
                        "parent": null
                      }
                    }
                """);
    }

    @Property
    void anyNamesSurviveARoundTrip(@ForAll String function, @ForAll String file, @ForAll String thread)
            throws Exception {
        StackTrace trace = new StackTrace(1, 2, thread, 3, true, false,
                List.of(new Frame(function, file, null, file, 5, null, false, false)), null);

        JsonNode parsed = new ObjectMapper().readTree(render(trace));

        assertThat(parsed.get(0).get("thread_name").asText()).isEqualTo(thread);
        assertThat(parsed.get(0).get("frames").get(0).get("name").asText()).isEqualTo(function);
        assertThat(parsed.get(0).get("frames").get(0).get("filename").asText()).isEqualTo(file);
    }
}
