// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Places extra sections in a command's {@code --help}. */
final class HelpSections {
    private HelpSections() {
    }

    /** Adds {@code section} under {@code key} to {@code command}'s help, just before its exit codes. */
    static void addBeforeExitCodes(CommandLine command, String key, CommandLine.IHelpSectionRenderer section) {
        command.getHelpSectionMap().put(key, section);
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), key);
        command.setHelpSectionKeys(keys);
    }
}
