// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package org.example.topfunctions;

import dev.pyspy4j.spi.SpiVersion;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/**
 * {@code pyspy4j record -f topfunctions}: the functions a recording found running most often, as a text table.
 * pyspy4j finds this class through {@code META-INF/services/dev.pyspy4j.spi.output.OutputFormat}.
 */
public final class TopFunctionsFormat implements OutputFormat {
    /** How many functions the table lists. */
    static final int ROWS = 20;

    @Override
    public String id() {
        return "topfunctions";
    }

    @Override
    public String description() {
        return "the " + ROWS + " hottest functions as a text table";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    /** The compiler copies the constant into this class, so this is the SPI version the plugin was built with. */
    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new TopFunctionsRecorder(settings, ROWS);
    }
}
