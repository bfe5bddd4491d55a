// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import java.util.Map;

/**
 * The colours of {@code dump}'s text, with the escape sequences of the Rust {@code console} crate that py-spy
 * uses (foreground first, then attributes, then one reset), or none at all.
 */
public final class Palette {
    public static final Palette PLAIN = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    private Palette(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Colours only on a terminal, unless told otherwise: {@code CLICOLOR_FORCE} (not "0") forces them; on a
     * terminal {@code NO_COLOR} (https://no-color.org), {@code CLICOLOR=0} and {@code TERM=dumb} turn them off.
     */
    public static Palette choose(Map<String, String> environment, boolean stdoutIsTerminal) {
        String force = environment.get("CLICOLOR_FORCE");
        if (force != null && !force.equals("0")) {
            return ANSI;
        }
        boolean refused = !environment.getOrDefault("NO_COLOR", "").isEmpty()
                || "0".equals(environment.get("CLICOLOR"))
                || "dumb".equals(environment.get("TERM"));
        return stdoutIsTerminal && !refused ? ANSI : PLAIN;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The {@code pyspy4j>} prefix of {@code record}'s own lines on standard error. */
    public String prompt(String text) {
        return paint(text, GREEN + BOLD);
    }

    /** A process or thread id. */
    public String id(String text) {
        return paint(text, YELLOW + BOLD);
    }

    public String version(String text) {
        return paint(text, BOLD);
    }

    public String executable(String text) {
        return paint(text, DIM);
    }

    public String function(String text) {
        return paint(text, GREEN);
    }

    public String file(String text) {
        return paint(text, CYAN);
    }

    public String line(String text) {
        return paint(text, DIM);
    }

    /** The {@code Arguments:} and {@code Locals:} headings of {@code dump --locals}. */
    public String heading(String text) {
        return paint(text, DIM);
    }

    /** The line between the processes of {@code dump --subprocesses}, and what is said of one not read. */
    public String faint(String text) {
        return paint(text, DIM);
    }

    private String paint(String text, String codes) {
        return enabled ? codes + text + RESET : text;
    }
}
