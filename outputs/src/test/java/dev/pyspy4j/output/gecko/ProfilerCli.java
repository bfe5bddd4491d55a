// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Firefox Profiler's own command-line tool ({@code @firefox-devtools/profiler-cli} from npm), which loads a
 * profile with the profiler's importer and upgraders into a daemon and answers queries about it. One session per
 * instance, in a session directory of its own; {@link #close} stops the daemon and kills it if it lingers.
 */
final class ProfilerCli implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;
    private static final int ATTEMPTS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final Path sessionDirectory;
    private final String session;

    private ProfilerCli(Path script, Path sessionDirectory, String session) {
        this.script = script;
        this.sessionDirectory = sessionDirectory;
        this.session = session;
    }

    /** Loads {@code profile} into a new session; fails with the tool's own message when it rejects the file. */
    static ProfilerCli load(Path installDirectory, Path sessionDirectory, String session, Path profile)
            throws IOException, InterruptedException {
        Path script = installDirectory.resolve("node_modules/@firefox-devtools/profiler-cli/dist/profiler-cli.js");
        Files.createDirectories(sessionDirectory);
        ProfilerCli cli = new ProfilerCli(script, sessionDirectory, session);
        try {
            cli.startDaemon(profile);
            return cli;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cli.close();
            throw e;
        }
    }

    /**
     * Starts the session's daemon, which loads the profile. The client gives a starting daemon half a second,
     * which a loaded machine can exceed; the daemon then goes on starting, and the session answers once it is up.
     */
    private void startDaemon(Path profile) throws IOException, InterruptedException {
        Result started = runOnce("load", profile.toAbsolutePath().toString());
        if (started.exitCode == 0) {
            return;
        }
        if (!started.err.contains("did not become ready")) {
            throw new AssertionError("profiler-cli load failed (exit " + started.exitCode + "): " + started.err
                    + started.out);
        }
        run("profile", "info");
    }

    /** Runs a command of the session with {@code --json} and parses what it printed. */
    JsonNode json(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.add("--json");
        return JSON.readTree(run(arguments.toArray(String[]::new)));
    }

    /**
     * Runs a command of the session and returns its standard output. A daemon still starting or loading the profile
     * on a loaded machine does not answer yet; such a command is tried again, once a second for half a minute.
     */
    String run(String... command) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Result result = runOnce(command);
            if (result.exitCode == 0) {
                return result.out;
            }
            if (attempt == ATTEMPTS || !notReady(result)) {
                throw new AssertionError("profiler-cli " + String.join(" ", command) + " failed (exit "
                        + result.exitCode + "): " + result.err + result.out);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean notReady(Result result) {
        String said = result.err + result.out;
        return said.contains("did not become ready") || said.contains("Unknown session")
                || said.contains("ECONNREFUSED") || said.contains("ENOENT")
                || said.contains("not running") || said.contains("still loading");
    }

    private Result runOnce(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("node", script.toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("--session", session));
        Path out = sessionDirectory.resolve(session + ".out");
        Path err = sessionDirectory.resolve(session + ".err");
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PROFILER_CLI_SESSION_DIR", sessionDirectory.toAbsolutePath().toString());
        // Our frames are Python's, named already: nothing to look up on a symbol server.
        builder.environment().put("PROFILER_CLI_NO_SYMBOLICATE", "1");
        Process node = builder.start();
        try {
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("profiler-cli " + String.join(" ", command) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(node.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            node.destroyForcibly();
        }
    }

    /** Stops the session's daemon; kills it when it is still there after being asked to stop. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path description = sessionDirectory.resolve(session + ".json");
        long daemon = Files.exists(description) ? JSON.readTree(description.toFile()).path("pid").asLong() : 0;
        try {
            runOnce("stop");
        } finally {
            if (daemon > 0) {
                ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
