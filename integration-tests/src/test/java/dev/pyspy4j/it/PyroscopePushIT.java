// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.pyspy4j.testsupport.GoPprof;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --pyroscope} against a local HTTP receiver standing in for a Pyroscope server (none can be installed
 * where the tests run): what each push carries, read with Pyroscope's own push.proto and the real
 * {@code go tool pprof}; a server that answers 503 for a while; a server that never answers. The target
 * ({@code shares.py}) spends its time in fifty, thirty and twenty on its main thread.
 */
@EnabledOnOs(OS.LINUX)
class PyroscopePushIT {
    private static final String PUSH_PATH = "/push.v1.PusherService/Push";
    private static final Pattern STACKS = Pattern.compile("Samples: (\\d+) stacks in");
    private static final Pattern TOTAL = Pattern.compile("Showing nodes accounting for (\\d+), [0-9.]+% of (\\d+) total");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    @Test
    void everyWindowIsPushedWithItsLabelsAndHeadersAndControlCLosesNothing() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("shares.py"));
        long startedNanos = System.currentTimeMillis() * 1_000_000L;
        Pyspy4jJar.Result result;
        List<PushReceiver.Received> received;
        try (PushReceiver receiver = new PushReceiver(request -> 200)) {
            try (RecordRun run = RecordRun.startCommand(work, record("--pyroscope", receiver.address() + "/",
                    "--app", "demo", "--tag", "env=test", "--pyroscope-interval", "1", "-p",
                    Long.toString(target.pid())), environment(Map.of("PYROSCOPE_TENANT_ID", "tenant-7",
                    "PYROSCOPE_AUTH_TOKEN", "secret-token")))) {
                run.awaitErr("the first was accepted");
                while (receiver.received().size() < 3) {
                    Thread.sleep(50);
                }
                run.signal("INT");
                result = run.finish();
            }
            received = receiver.received();
        }
        long endedNanos = System.currentTimeMillis() * 1_000_000L;

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).contains("Pyroscope at " + "http://127.0.0.1:").contains(": " + received.size()
                + " profiles pushed, 0 failed, 0 dropped\n").doesNotContain("\tat ");
        try (var files = Files.list(work)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no file without -o").allMatch(name -> name.startsWith("record"));
        }
        List<Path> profiles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long previousTime = 0;
        for (PushReceiver.Received request : received) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(PUSH_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/proto");
            assertThat(request.header("Connect-Protocol-Version")).isEqualTo("1");
            assertThat(request.header("X-Scope-OrgID")).isEqualTo("tenant-7");
            assertThat(request.header("Authorization")).isEqualTo("Bearer secret-token");
            Push push = Push.of(request.body());
            assertThat(push.labels()).containsExactly("__name__=process_cpu", "service_name=demo", "env=test");
            ids.add(push.id());
            Path profile = save(push.rawProfile(), profiles.size());
            profiles.add(profile);
            long time = timeNanos(push.rawProfile());
            assertThat(time).isBetween(Math.max(previousTime + 1, startedNanos - 1_000_000_000L), endedNanos);
            previousTime = time;
            assertThat(GoPprof.run(profile, "-top")).contains("Type: cpu");
        }
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> UUID.fromString(id));

        String merged = GoPprof.run(profiles.get(0), mergedWith(profiles, "-top", "-sample_index=samples"));
        assertThat(total(merged)).as("every stack recorded was pushed, the last window too").isEqualTo(stacks(result));
        assertThat(merged).containsPattern("(?m)\\sfifty$").containsPattern("(?m)\\sthirty$");
        assertThat(GoPprof.run(profiles.get(0), mergedWith(profiles, "-traces")))
                .as("no series per thread unless asked").doesNotContain("thread_name", "thread_id");
        System.out.printf("PyroscopePushIT: %d pushes of %d stacks in all%n", received.size(), stacks(result));
    }

    @Test
    void aServerAnswering503ForAWhileGetsTheSameProfileAgainAndLosesNoWindow() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("shares.py"));
        Pyspy4jJar.Result result;
        List<PushReceiver.Received> received;
        try (PushReceiver receiver = new PushReceiver(request -> request < 2 ? 503 : 200)) {
            try (RecordRun run = RecordRun.startCommand(work, record("--pyroscope", receiver.address(), "--app",
                    "demo", "--pyroscope-labels", "thread", "--pyroscope-interval", "1", "-d", "5", "-p",
                    Long.toString(target.pid())), environment(Map.of("PYROSCOPE_BASIC_AUTH_USER", "123456",
                    "PYROSCOPE_BASIC_AUTH_PASSWORD", "glc_secret")))) {
                result = run.finish();
            }
            received = receiver.received();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(received).extracting(PushReceiver.Received::status).startsWith(503, 503, 200)
                .containsOnly(503, 200);
        assertThat(received.get(1).body()).as("the same profile, tried again").isEqualTo(received.get(0).body());
        assertThat(received.get(2).body()).isEqualTo(received.get(0).body());
        assertThat(received).allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("123456:glc_secret".getBytes(StandardCharsets.UTF_8))));
        List<PushReceiver.Received> accepted = received.stream().filter(request -> request.status() == 200).toList();
        assertThat(result.err()).containsOnlyOnce("failed: HTTP 503: {\"code\":\"unavailable\",\"message\":\"no"
                + " healthy ingester\"}; trying again").contains("accepts profiles again, after 2 failed attempts")
                .contains(": " + accepted.size() + " profiles pushed, 0 failed, 0 dropped (2 retries)");

        List<Path> profiles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (PushReceiver.Received request : accepted) {
            Push push = Push.of(request.body());
            assertThat(push.labels()).containsExactly("__name__=process_cpu", "service_name=demo");
            ids.add(push.id());
            profiles.add(save(push.rawProfile(), profiles.size()));
        }
        assertThat(ids).doesNotHaveDuplicates();
        String merged = GoPprof.run(profiles.get(0), mergedWith(profiles, "-top", "-sample_index=samples"));
        assertThat(total(merged)).as("no window lost").isEqualTo(stacks(result));
        assertThat(GoPprof.run(profiles.get(0), mergedWith(profiles, "-traces")))
                .as("--pyroscope-labels thread").contains("thread_name:  MainThread", "thread_id:  " + target.pid());
    }

    @Test
    void aServerThatNeverAnswersLosesTheWindowsAndTheSummaryCountsThem() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("shares.py"));
        Pyspy4jJar.Result result;
        String address;
        // Connections are made (the kernel accepts them into the backlog) but nothing ever reads or answers them.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            address = "http://127.0.0.1:" + silent.getLocalPort();
            try (RecordRun run = RecordRun.startCommand(work, record("--pyroscope", address, "--app", "demo",
                    "--pyroscope-interval", "1", "-d", "9", "-p", Long.toString(target.pid())), environment(Map.of()))) {
                result = run.finish();
            }
        }

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).contains("warning: the server is away for longer than 6 profiles can wait: the"
                + " oldest was dropped (1 dropped so far)").doesNotContain("\tat ", "Exception in");
        Matcher summary = Pattern.compile("Pyroscope at " + Pattern.quote(address)
                + ": 0 profiles pushed, 0 failed, (\\d+) dropped").matcher(result.err());
        assertThat(summary.find()).as(result.err()).isTrue();
        long dropped = Long.parseLong(summary.group(1));
        assertThat(dropped).as("a window a second for 9 s").isGreaterThanOrEqualTo(8);
        List<String> lines = result.err().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("pyspy4j record: " + dropped + " of " + dropped
                + " profiles did not reach Pyroscope at " + address + " (0 failed, " + dropped + " dropped)");
    }

    @Test
    void anAddressThatIsNotAServersIsRefusedBeforeSampling() throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("shares.py"));

        Pyspy4jJar.Result result = RecordRun.run(work, "--pyroscope", "127.0.0.1:4040", "--app", "demo", "-p",
                Long.toString(target.pid()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("pyspy4j record: --pyroscope '127.0.0.1:4040' is not a server address:"
                + " it must start with http:// or https:// (e.g. http://localhost:4040); try 'pyspy4j record"
                + " --help'\n");
    }

    /** One PushRequest, read with push.proto's definitions. */
    private record Push(List<String> labels, String id, byte[] rawProfile) {
        static Push of(byte[] body) throws IOException {
            DynamicMessage request = PushRequests.parse(body);
            Descriptor type = PushRequests.descriptor();
            List<?> series = (List<?>) request.getField(type.findFieldByName("series"));
            assertThat(series).hasSize(1);
            Message one = (Message) series.get(0);
            List<String> labels = new ArrayList<>();
            for (Object label : (List<?>) one.getField(field(one, "labels"))) {
                Message pair = (Message) label;
                labels.add(pair.getField(field(pair, "name")) + "=" + pair.getField(field(pair, "value")));
            }
            List<?> samples = (List<?>) one.getField(field(one, "samples"));
            assertThat(samples).hasSize(1);
            Message sample = (Message) samples.get(0);
            assertThat(request.getUnknownFields().asMap()).isEmpty();
            return new Push(labels, (String) sample.getField(field(sample, "ID")),
                    ((ByteString) sample.getField(field(sample, "raw_profile"))).toByteArray());
        }

        private static FieldDescriptor field(Message message, String name) {
            FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
            assertThat(field).as(name).isNotNull();
            return field;
        }
    }

    private static List<String> record(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString(), "record"));
        command.addAll(List.of(args));
        return command;
    }

    private static Consumer<Map<String, String>> environment(Map<String, String> variables) {
        return environment -> {
            environment.put("LC_ALL", "C.UTF-8");
            environment.keySet().removeIf(name -> name.startsWith("PYROSCOPE_"));
            environment.putAll(variables);
        };
    }

    private Path save(byte[] rawProfile, int number) throws IOException {
        return Files.write(work.resolve("pushed-" + number + ".pb.gz"), rawProfile);
    }

    /** {@code options} then every profile but the first, which {@link GoPprof#run} puts last: pprof merges them. */
    private static String[] mergedWith(List<Path> profiles, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        profiles.subList(1, profiles.size()).forEach(profile -> args.add(profile.toString()));
        return args.toArray(String[]::new);
    }

    /** The profile's {@code time_nanos} (field 9 of pprof's Profile), 0 when it has none. */
    private static long timeNanos(byte[] gzipped) throws IOException {
        byte[] profile;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            profile = in.readAllBytes();
        }
        CodedInputStream in = CodedInputStream.newInstance(profile);
        long time = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 9) {
                time = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        return time;
    }

    private static long stacks(Pyspy4jJar.Result result) {
        Matcher matcher = STACKS.matcher(result.err());
        assertThat(matcher.find()).as(result.err()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static long total(String top) {
        Matcher matcher = TOTAL.matcher(top);
        assertThat(matcher.find()).as(top).isTrue();
        return Long.parseLong(matcher.group(2));
    }
}
