// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command in a real terminal: a detached tmux session of a chosen size, on a tmux server of its own (its own
 * socket, no configuration file), so that tests can type keys, resize the window and read the screen as a person
 * would see it. The command runs under {@code sh}, which afterwards prints its exit status and the terminal's modes
 * ({@code stty -a}) and stays, so that the screen can be read after the command has ended.
 */
final class TmuxScreen implements AutoCloseable {
    static final String EXIT_LINE = "command exited with status ";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(90);
    private static final String SESSION = "top";
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    private static final String AFTERWARDS = "\"$@\"; echo \"" + EXIT_LINE + "$?\"; stty -a; exec sleep 600";

    private final String socket;

    private TmuxScreen(String socket) {
        this.socket = socket;
    }

    /** Runs {@code command} in a {@code width} by {@code height} terminal, with a UTF-8 locale. */
    static TmuxScreen start(int width, int height, List<String> command) throws IOException, InterruptedException {
        TmuxScreen screen = new TmuxScreen("pyspy4j-it-" + UUID.randomUUID());
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", SESSION, "-x", Integer.toString(width),
                "-y", Integer.toString(height), "-e", "LC_ALL=C.UTF-8", "--", "sh", "-c", AFTERWARDS, "sh"));
        args.addAll(command);
        screen.tmux(args.toArray(String[]::new));
        return screen;
    }

    /** {@code java -jar <the built jar> top args...} in a {@code width} by {@code height} terminal. */
    static TmuxScreen top(int width, int height, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java(), "-jar", Pyspy4jJar.path().toString(),
                "top"));
        command.addAll(List.of(args));
        return start(width, height, command);
    }

    /** The visible screen, wrapped lines joined. */
    String capture() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-t", SESSION);
    }

    /** Waits until the screen satisfies {@code condition} and returns it; fails with the last screen seen. */
    String await(String what, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        String screen = capture();
        while (!condition.test(screen)) {
            assertThat(System.nanoTime()).as("waiting for %s; the screen shows:%n%s", what, screen)
                    .isLessThan(deadline);
            Thread.sleep(50);
            screen = capture();
        }
        return screen;
    }

    /** Waits until the command has ended and returns its exit status and the screen. */
    Ended awaitEnd() throws IOException, InterruptedException {
        String screen = await("the command to end", text -> text.contains(EXIT_LINE) && text.contains("icanon"));
        Matcher status = Pattern.compile(EXIT_LINE + "(\\d+)").matcher(screen);
        assertThat(status.find()).isTrue();
        return new Ended(Integer.parseInt(status.group(1)), screen);
    }

    /** Types keys, in tmux's names ({@code q}, {@code C-c}, {@code Escape}). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    void resize(int width, int height) throws IOException, InterruptedException {
        tmux("resize-window", "-t", SESSION, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /** The process of the command itself: the child of the shell in the pane. */
    ProcessHandle command() throws IOException, InterruptedException {
        long shell = Long.parseLong(tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip());
        Optional<ProcessHandle> child = ProcessHandle.of(shell).flatMap(sh -> sh.children().findFirst());
        assertThat(child).as("the command under the pane's shell %s", shell).isPresent();
        return child.get();
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tmux %s", String.join(" ", args)).isTrue();
        assertThat(process.exitValue()).as("tmux %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    /**
     * Ends the tmux server and with it the command, if still running, and waits until the server and the pane's
     * shell are gone: {@code kill-server} returns before the server has exited, and the server's own command line
     * holds the whole command, so a test looking for leftover processes right afterwards would otherwise find it.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> processes = serverAndPane();
        Process kill = new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(60, TimeUnit.SECONDS);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    /** The tmux server and the shell in its pane, when the server still runs. */
    private List<ProcessHandle> serverAndPane() throws IOException, InterruptedException {
        Process display = new ProcessBuilder("tmux", "-L", socket, "-f", "/dev/null", "display-message", "-p", "-t",
                SESSION, "#{pid} #{pane_pid}").redirectErrorStream(true).start();
        String output = new String(display.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!display.waitFor(60, TimeUnit.SECONDS) || display.exitValue() != 0 || !output.matches("\\d+ \\d+")) {
            return List.of();
        }
        return Arrays.stream(output.split(" ")).map(Long::parseLong).map(ProcessHandle::of)
                .flatMap(Optional::stream).toList();
    }

    /**
     * How a command ended.
     *
     * @param status its exit status
     * @param screen the screen afterwards, with the terminal's modes as {@code stty -a} shows them
     */
    record Ended(int status, String screen) {
        /** Whether the terminal is back in its usual modes: line editing, echo and signal keys, not raw mode. */
        boolean terminalRestored() {
            return List.of("icanon", "echo", "isig", "iexten", "icrnl").stream().allMatch(flag ->
                    Pattern.compile("(^|\\s)" + flag + "(\\s|$)").matcher(screen).find());
        }
    }
}
