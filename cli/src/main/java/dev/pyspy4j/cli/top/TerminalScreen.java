// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Signals;

/**
 * {@code top}'s screen on a terminal, through JLine. Opening it puts the terminal in raw mode (no echo, no line
 * editing, and no signal keys: Control-C arrives as a key that quits, and Control-Z cannot stop pyspy4j while
 * the target is paused), hides the cursor and clears the screen; every view rewrites each line in place
 * (termios(3), terminfo(5) {@code cup}, {@code el}); SIGWINCH marks the screen resized. Closing it moves below the
 * last view and restores the cursor and the terminal's modes, whatever happened meanwhile.
 */
public final class TerminalScreen implements TopDisplay {
    private static final Size FALLBACK_SIZE = new Size(80, 24);

    private final Terminal terminal;
    private final Attributes saved;
    private final TopRenderer renderer;
    private final boolean colours;
    private final AtomicBoolean resized = new AtomicBoolean();
    private final Object previousWinchHandler;

    /** Takes over {@code terminal}, which {@link #close()} closes. */
    TerminalScreen(Terminal terminal, TopRenderer renderer, boolean colours) {
        this.terminal = terminal;
        this.renderer = renderer;
        this.colours = colours;
        this.saved = terminal.getAttributes();
        // Attributes and signal handler first, so that close() can undo whatever got done.
        previousWinchHandler = Signals.register("WINCH", () -> resized.set(true));
        terminal.setAttributes(raw(saved));
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
    }

    /**
     * The screen on this process's terminal, or empty when there is none that can address the cursor (standard
     * input or output is not a terminal, {@code TERM=dumb}, no terminal provider works).
     */
    public static Optional<TerminalScreen> openSystem(TopRenderer renderer, boolean colours) {
        Terminal terminal;
        try {
            // No native signal handlers: SIGINT and SIGTERM belong to the stop triggers of the session. No feature
            // probes (grapheme clusters): answers arriving late, over a slow link, would be read as keys.
            terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(false).graphemeCluster(false)
                    .encoding(StandardCharsets.UTF_8).build();
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
        if (terminal.getStringCapability(Capability.cursor_address) == null) {
            closeQuietly(terminal);
            return Optional.empty();
        }
        return Optional.of(new TerminalScreen(terminal, renderer, colours));
    }

    /** cfmakeraw(3) for input, minus what output needs: output post-processing stays on. */
    private static Attributes raw(Attributes original) {
        Attributes raw = new Attributes(original);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN, LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 1);
        raw.setControlChar(Attributes.ControlChar.VTIME, 0);
        return raw;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void show(TopView view, ScreenState state) {
        resized.set(false);
        Size size = size();
        List<AttributedString> lines = renderer.screen(view, state, size.getColumns(), size.getRows());
        for (int row = 0; row < lines.size(); row++) {
            terminal.puts(Capability.cursor_address, row, 0);
            terminal.puts(Capability.clr_eol);
            AttributedString line = lines.get(row);
            terminal.writer().write(colours ? line.toAnsi(terminal) : line.toString());
        }
        terminal.flush();
    }

    private Size size() {
        Size size = terminal.getSize();
        return size.getColumns() > 0 && size.getRows() > 0 ? size : FALLBACK_SIZE;
    }

    @Override
    public int readKey(long timeoutNanos) {
        try {
            int key = terminal.reader().read(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
            if (key == NonBlockingReader.READ_EXPIRED) {
                return NO_KEY;
            }
            return key == NonBlockingReader.EOF ? INPUT_CLOSED : key;
        } catch (IOException e) {
            return INPUT_CLOSED;
        }
    }

    @Override
    public boolean resized() {
        return resized.get();
    }

    @Override
    public void close() {
        try {
            terminal.writer().write("\r\n");
            terminal.puts(Capability.cursor_normal);
            terminal.flush();
        } finally {
            try {
                terminal.setAttributes(saved);
            } finally {
                Signals.unregister("WINCH", previousWinchHandler);
                closeOrFail(terminal);
            }
        }
    }

    private static void closeOrFail(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the terminal", e);
        }
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            // Nothing was changed on it; the caller falls back on plain output either way.
        }
    }
}
