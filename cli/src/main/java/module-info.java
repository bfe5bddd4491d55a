// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** The command line. picocli fills the commands' option fields reflectively, so their packages are open to it. */
module dev.pyspy4j.cli {
    requires dev.pyspy4j.engine;
    requires info.picocli;
    requires org.jline.terminal;
    requires com.fasterxml.jackson.core;
    requires com.google.protobuf;

    opens dev.pyspy4j.cli to info.picocli;
    opens dev.pyspy4j.cli.options to info.picocli;

    uses dev.pyspy4j.spi.output.OutputFormat;
}
