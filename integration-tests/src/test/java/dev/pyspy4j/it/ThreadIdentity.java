// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A thread as the target itself saw it ({@code scripts/thread_identity.py}): what a dump must report about it.
 *
 * @param ident   {@code threading.Thread.ident}, the {@code pthread_t} that a dump calls {@code thread_id}
 * @param tid     the Linux thread id, from {@code gettid(2)}
 * @param callers the frames below the function that asked, outermost first; they do not move while it blocks
 */
record ThreadIdentity(String name, long ident, long tid, List<Caller> callers) {

    /** What a script wrote with {@code thread_identity.write}. */
    /** The identities by thread name. */
    static Map<String, ThreadIdentity> byName(List<ThreadIdentity> identities) {
        return identities.stream().collect(Collectors.toMap(ThreadIdentity::name, Function.identity()));
    }

    static List<ThreadIdentity> read(Path file) throws IOException {
        List<ThreadIdentity> identities = new ArrayList<>();
        for (JsonNode thread : new ObjectMapper().readTree(file.toFile())) {
            List<Caller> callers = new ArrayList<>();
            for (JsonNode frame : thread.get("callers")) {
                callers.add(new Caller(frame.get(2).asText(), frame.get(0).asText(), frame.get(1).asInt()));
            }
            identities.add(new ThreadIdentity(thread.get("name").asText(), thread.get("ident").asLong(),
                    thread.get("tid").asLong(), callers));
        }
        return identities;
    }

    /** The callers leaf first, as a dump lists frames. */
    List<Caller> callersLeafFirst() {
        List<Caller> reversed = new ArrayList<>(callers);
        Collections.reverse(reversed);
        return reversed;
    }

    /** One frame as {@code traceback.extract_stack()} describes it: the full file name. */
    record Caller(String function, String filename, int line) {
    }
}
