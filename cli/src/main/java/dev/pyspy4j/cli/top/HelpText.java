// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.List;

/**
 * The help panel of {@code top}'s screen: the keys, and what the numbers mean. py-spy's percentages are counts
 * over ticks, so with several threads they pass 100 % and mean little; these are shares of thread time, which
 * the panel explains. Lines fit 80 columns.
 */
final class HelpText {
    private HelpText() {
    }

    /** The panel, for a refresh interval described as {@code interval} (e.g. {@code 1 s}). */
    static List<String> lines(String interval) {
        return List.of(
                "Keys: 1 to 4 sort by that column (marked *), L toggles functions and lines,",
                "      R resets the statistics, ? or X hides this help, q or Control-C quits.",
                "%Own      time in the function itself, as a share of the thread time sampled",
                "          in the last " + interval + ": each sampled thread adds its own time, so the",
                "          %Own of all rows adds up to 100% however many threads there are",
                "%Total    time with the function anywhere on the stack (it and what it",
                "          called), as the same share; a recursive function counts once",
                "OwnTime   the time of %Own in wall-clock seconds since the start (or R),",
                "TotalTime and of %Total; summed over threads: two threads running one",
                "          function for a second give it 2 s",
                "GIL       share of the last " + interval + " in which some thread held the GIL",
                "Active    share of it in which at least one thread ran, and how many ran");
    }
}
