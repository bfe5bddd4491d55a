// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * What the distribution adds to the command line: the run that trains its class cache. The launcher never runs it;
 * it ships only because a class cache is valid for the class path it was trained with.
 */
module dev.pyspy4j.distribution {
}
