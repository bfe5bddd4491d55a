// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a process tree tells the user as processes come and go: each interpreter warning once (a pool of twenty
 * workers of one interpreter would otherwise say the same thing twenty times), and why a process that is no mere
 * "not Python" is left out (an unsupported version, a permission refused).
 */
final class TreeNotices {
    private final Consumer<String> warnings;
    private final Set<String> given = new HashSet<>();

    TreeNotices(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** A member just became sampled or was given up on. */
    void changed(TreeMember member) {
        if (member.state() == TreeMember.State.SAMPLED) {
            member.source().interpreter().warnings().forEach(this::once);
        } else if (member.state() == TreeMember.State.NOT_SAMPLED
                && member.whyNotSampled().kind() != FailureKind.NOT_PYTHON) {
            notSampled(member.pid(), member.whyNotSampled());
        }
    }

    void notSampled(long pid, SpyException why) {
        once("not sampling process " + pid + ": " + why.getMessage());
    }

    private void once(String warning) {
        if (given.add(warning)) {
            warnings.accept(warning);
        }
    }
}
