// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import dev.pyspy4j.cli.pyroscope.PushAuth;
import dev.pyspy4j.cli.pyroscope.PushEndpoint;
import dev.pyspy4j.cli.pyroscope.PyroscopePush;
import dev.pyspy4j.cli.pyroscope.SampleLabels;
import dev.pyspy4j.cli.pyroscope.SeriesLabels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code record --pyroscope URL --app NAME [--tag k=v]...}: the windows of a recording pushed to Pyroscope. */
public final class PyroscopeOptions {
    @Option(names = "--pyroscope", paramLabel = "<url>",
            description = "Push a pprof profile of every 10 s of the recording to the Pyroscope server at this"
                    + " address (e.g. http://localhost:4040) while recording; a file is written only with -o")
    private String server;

    @Option(names = "--app", paramLabel = "<name>",
            description = "With --pyroscope: the application's name (the service_name label)")
    private String app;

    @Option(names = "--tag", paramLabel = "<name=value>",
            description = "With --pyroscope: a label of every profile pushed, e.g. env=prod (repeatable)")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--pyroscope-labels", paramLabel = "<thread|pid>", split = ",",
            description = "With --pyroscope: keep these labels on the samples, so the server keeps a series per"
                    + " thread (thread) or per process (pid, with -s); none by default")
    private List<String> sampleLabels = new ArrayList<>();

    // For tests and experiments: a shorter window than Pyroscope's own agents push.
    @Option(names = "--pyroscope-interval", paramLabel = "<seconds>", hidden = true,
            description = "With --pyroscope: the seconds of recording each pushed profile holds (default: 10)")
    private Long intervalSeconds;

    /**
     * What was asked for, checked; empty without {@code --pyroscope}.
     *
     * @param environment where the authentication variables are read
     * @throws CommandLine.ParameterException for anything wrong, before sampling starts
     */
    public Optional<PyroscopePush> push(CommandSpec spec, Map<String, String> environment) {
        if (server == null) {
            String stray = app != null ? "--app" : !tags.isEmpty() ? "--tag" : !sampleLabels.isEmpty()
                    ? "--pyroscope-labels" : intervalSeconds != null ? "--pyroscope-interval" : null;
            if (stray != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), stray + " goes with --pyroscope");
            }
            return Optional.empty();
        }
        if (app == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pyroscope needs --app <name>, the application's name on the server");
        }
        if (intervalSeconds != null && intervalSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pyroscope-interval must be a whole number of seconds above 0, not " + intervalSeconds);
        }
        try {
            Set<SampleLabels> kept = EnumSet.noneOf(SampleLabels.class);
            sampleLabels.forEach(label -> kept.add(SampleLabels.parse(label)));
            return Optional.of(new PyroscopePush(PushEndpoint.parse(server), SeriesLabels.app(app),
                    SeriesLabels.tags(tags), PushAuth.headers(environment), kept,
                    intervalSeconds == null ? PyroscopePush.DEFAULT_INTERVAL_SECONDS : intervalSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
