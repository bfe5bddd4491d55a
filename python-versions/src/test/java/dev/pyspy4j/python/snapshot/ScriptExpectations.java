// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dump of {@code snapshot_target.py} must show, read from the script's own markers: {@code # frame: NAME}
 * marks the line a frame of that name must report, and {@code # locals: NAME = REPR; ...} on a {@code def} line
 * the locals that function's frame must list, in order.
 */
final class ScriptExpectations {
    private static final Pattern FRAME = Pattern.compile("#\\s*frame:\\s*(\\S+)\\s*$");
    private static final Pattern LOCALS = Pattern.compile("^def\\s+(\\w+)\\(([^)]*)\\).*#\\s*locals:\\s*(.*)$");

    /** The script's main thread and the Python frames it shows, innermost first. */
    static final String MAIN_THREAD = "MainThread";
    static final List<String> MAIN_FRAMES = List.of("main_loop", "<module>");
    /** The worker thread and the script's frames innermost first; threading's bootstrap frames follow them. */
    static final String WORKER_THREAD = "snapshot-worker";
    static final List<String> WORKER_FRAMES = List.of("待機", "worker");

    /** A local variable as a dump shows it; {@code argument} when it is one of the function's parameters. */
    record Local(String name, boolean argument, String repr) {
    }

    private final String identity;
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, List<Local>> locals = new LinkedHashMap<>();

    private ScriptExpectations(String identity, List<String> script) {
        this.identity = identity;
        for (int i = 0; i < script.size(); i++) {
            Matcher frame = FRAME.matcher(script.get(i));
            if (frame.find()) {
                lines.put(frame.group(1), i + 1);
            }
            Matcher def = LOCALS.matcher(script.get(i));
            if (def.find()) {
                locals.put(def.group(1), parseLocals(List.of(def.group(2).split("\\s*,\\s*")), def.group(3)));
            }
        }
    }

    /** The expectations of the script as the test resources hold it. */
    static ScriptExpectations load() {
        try (InputStream in = ScriptExpectations.class.getResourceAsStream(
                SnapshotInterpreters.RESOURCES + SnapshotInterpreters.SCRIPT)) {
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new ScriptExpectations(SnapshotInterpreters.SCRIPT + " sha-256 " + digest,
                    new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + SnapshotInterpreters.SCRIPT, e);
        }
    }

    /** The script's name and digest, which a snapshot records to tell which version of the script it ran. */
    String identity() {
        return identity;
    }

    /** The line a frame of function {@code name} reports. */
    int line(String name) {
        Integer line = lines.get(name);
        if (line == null) {
            throw new IllegalArgumentException("the script marks no frame named " + name);
        }
        return line;
    }

    /** The locals a frame of function {@code name} lists; empty for functions without a marker. */
    List<Local> locals(String name) {
        return locals.getOrDefault(name, List.of());
    }

    /**
     * Whether every thread had reached the line it stays on when {@code traces} were taken (a capture can catch
     * the main thread still between saying "ready" and its last call).
     */
    boolean settled(List<StackTrace> traces) {
        return traces.size() == 2 && traces.stream().allMatch(trace -> !trace.frames().isEmpty()
                && trace.frames().get(0).line() == line(leafOf(trace.threadName())));
    }

    private static String leafOf(String threadName) {
        return (WORKER_THREAD.equals(threadName) ? WORKER_FRAMES : MAIN_FRAMES).get(0);
    }

    private static List<Local> parseLocals(List<String> parameters, String text) {
        List<Local> parsed = new ArrayList<>();
        for (String assignment : text.split(";")) {
            int equals = assignment.indexOf('=');
            String name = assignment.substring(0, equals).trim();
            parsed.add(new Local(name, parameters.contains(name), assignment.substring(equals + 1).trim()));
        }
        return parsed;
    }
}
