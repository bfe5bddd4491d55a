// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.cli.convert.ProfileInputs;
import dev.pyspy4j.cli.convert.Replay;
import dev.pyspy4j.cli.options.RateConverter;
import dev.pyspy4j.cli.record.OutputFile;
import dev.pyspy4j.cli.record.OutputFormats;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.output.RecordedProfile;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyspy4j convert}: writes a recorded profile ({@code raw} collapsed stacks or {@code pprof}) again in any
 * output format, so that one recording can be looked at in several tools. Nothing is sampled.
 */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Converts a recorded profile (raw or pprof, recognized by its content) to another format")
public final class ConvertCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>", description = "The profile to read, or - for standard input")
    private String input;

    @Option(names = {"-o", "--output"}, paramLabel = "<filename>", required = true,
            description = "Output filename, or - for standard output")
    private String output;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = OutputFormats.DEFAULT,
            description = "Output file format, one of those 'record --help' lists (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--from", paramLabel = "<format>",
            description = "Input format (raw or pprof), when recognizing it by its content is not wanted")
    private String from;

    @Option(names = {"-r", "--rate"}, paramLabel = "<rate>", defaultValue = "100", converter = RateConverter.class,
            description = "Samples per second the input was recorded at, for inputs that do not say (raw)"
                    + " (default: ${DEFAULT-VALUE})")
    private int rate;

    public ConvertCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.reportProviderProblems(spec.commandLine().getErr());
        OutputFormat outputFormat = new OutputFormats(context.providers().outputFormats(), Platform.current())
                .select(format);
        OutputFile file = OutputFile.prepare(output);
        ProfileInputs inputs = new ProfileInputs(
                ProviderRegistry.load(ProfileInput.class, ConvertCommand.class.getClassLoader()), Platform.current());
        ProfileInputs.Read read = readInput(inputs);
        RecordedProfile profile = read.profile();
        int sampleRate = profile.sampleRate() > 0 ? profile.sampleRate() : rate;
        Recorder recorder = outputFormat.newRecorder(new OutputSettings(
                profile.title() != null ? profile.title() : title(), sampleRate, true, BuildVersion.producer(),
                profile.includesIdle()));
        Replay.into(recorder, profile, sampleRate, input);
        file.write(recorder);
        var err = spec.commandLine().getErr();
        err.println(recorder.announce(file.shownAs()) + ". Samples: " + profile.totalSamples() + " in "
                + profile.stacks().size() + " stacks, read as " + read.formatId() + " from '" + input + "'");
        if (!recorder.hint().isEmpty()) {
            err.println(recorder.hint());
        }
        err.flush();
        return ExitCodes.OK;
    }

    private ProfileInputs.Read readInput(ProfileInputs inputs) {
        if (input.equals("-")) {
            return inputs.read(System.in, Optional.ofNullable(from), "standard input");
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read '" + input + "': not a valid file name");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return inputs.read(in, Optional.ofNullable(from), input);
        } catch (NoSuchFileException e) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read '" + input + "': no such file");
        } catch (IOException e) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read '" + input + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The command line as typed, the title of outputs whose input names none. */
    private String title() {
        return spec.root().name() + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
