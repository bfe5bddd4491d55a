// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.SampledProcess;
import dev.pyspy4j.spi.python.PythonVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code top}'s screen on a JLine terminal over streams (an xterm that exists only in the test): the modes it sets
 * and gives back, what it writes, the keys it reads.
 */
class TerminalScreenTest {
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final List<Attributes> attributesSet = new ArrayList<>();
    private Terminal real;

    private Terminal terminal() throws IOException {
        // An ExternalTerminal writes synchronously; the builder would pick a pty-backed one, which copies output on a
        // thread of its own.
        real = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keyboard), output,
                StandardCharsets.UTF_8);
        real.setSize(new Size(70, 12));
        // Records every change of modes on the way to the real terminal.
        return (Terminal) Proxy.newProxyInstance(Terminal.class.getClassLoader(), new Class<?>[] {Terminal.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setAttributes")) {
                        attributesSet.add(new Attributes((Attributes) args[0]));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void closeTerminal() throws IOException {
        keyboard.close();
        if (real != null) {
            real.close();
        }
    }

    private static TopRenderer renderer() {
        return new TopRenderer(new SampledProcess(42, List.of("python3", "app.py"), PythonVersion.of(3, 12, 1),
                List.of()), 1.0);
    }

    private static TopView view() {
        return new TopView(10, 0, Optional.empty(), 10, 0, 100, 1, 1, 1, Optional.empty(), false,
                List.of(new TopRow(new FunctionId("spin", "app.py", 0), 100, 100, 0.1, 0.1)));
    }

    private String written() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rawModeWhileOpenAndTheOriginalModesAfterClosing() throws IOException {
        Terminal terminal = terminal();
        Attributes original = new Attributes(terminal.getAttributes());

        TerminalScreen screen = new TerminalScreen(terminal, renderer(), false);
        Attributes raw = terminal.getAttributes();
        screen.close();

        for (LocalFlag flag : List.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ISIG, LocalFlag.IEXTEN)) {
            assertThat(original.getLocalFlag(flag)).as("%s before", flag).isTrue();
            assertThat(raw.getLocalFlag(flag)).as("%s while open", flag).isFalse();
        }
        assertThat(attributesSet).hasSize(2);
        assertThat(attributesSet.get(1).getLocalFlags()).isEqualTo(original.getLocalFlags());
        assertThat(attributesSet.get(1).getInputFlags()).isEqualTo(original.getInputFlags());
        assertThat(written()).startsWith("\u001b[?25l\u001b[H\u001b[2J").endsWith("\r\n\u001b[?12l\u001b[?25h");
    }

    @Test
    void everyLineIsRewrittenInPlaceInColourOnlyWhenAsked() throws IOException {
        TerminalScreen plain = new TerminalScreen(terminal(), renderer(), false);
        output.reset();

        plain.show(view(), new ScreenState());

        String screen = written();
        assertThat(screen).startsWith("\u001b[1;1H\u001b[KCollecting samples from 'python3 app.py' (python v3.12.1,"
                + " pid 42)\u001b[2;1H\u001b[KTotal Samples 10\u001b[3;1H\u001b[K");
        assertThat(screen).contains("\u001b[6;1H\u001b[K 100.00% 100.00%   0.100s     0.100s  spin (app.py)",
                "\u001b[12;1H\u001b[KPress Control-C or q to quit, or ? for help.");
        assertThat(screen).doesNotContain("\u001b[7m").doesNotContain("\u001b[13;1H");
        plain.close();
    }

    @Test
    void coloursAndAttributesWhenAsked() throws IOException {
        TerminalScreen coloured = new TerminalScreen(terminal(), renderer(), true);
        output.reset();

        coloured.show(view(), new ScreenState());

        assertThat(written()).contains("\u001b[5;1H\u001b[K\u001b[7m    %Own  %Total \u001b[1m*OwnTime");
        coloured.close();
    }

    @Test
    void keysArriveOneAtATimeAndSilenceIsNoKey() throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal(), renderer(), false);

        keyboard.write(new byte[] {'2', 3});
        keyboard.flush();

        assertThat(screen.readKey(PATIENCE_NANOS)).isEqualTo('2');
        assertThat(screen.readKey(PATIENCE_NANOS)).as("Control-C is a key in raw mode").isEqualTo(3);
        assertThat(screen.readKey(TimeUnit.MILLISECONDS.toNanos(20))).isEqualTo(TopDisplay.NO_KEY);
        screen.close();
    }

    @Test
    void aWindowChangeSignalMarksTheScreenResizedUntilItIsDrawnAgain() throws Exception {
        TerminalScreen screen = new TerminalScreen(terminal(), renderer(), false);
        assertThat(screen.resized()).isFalse();

        Process kill = new ProcessBuilder("kill", "-WINCH", Long.toString(ProcessHandle.current().pid())).start();
        assertThat(kill.waitFor()).isZero();
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!screen.resized() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(screen.resized()).isTrue();
        screen.show(view(), new ScreenState());
        assertThat(screen.resized()).isFalse();
        screen.close();
    }
}
