// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code record -o} writes, through the real command line against a live Python: a device stays a device,
 * {@code -} and {@code /dev/stdout} are standard output, a FIFO's reader gets the profile, a name that is not UTF-8
 * is refused before sampling. Device nodes are made in a temporary directory, never in the real {@code /dev}.
 */
@EnabledOnOs(OS.LINUX)
class RecordOutputIT {
    private static final int FILE_TYPE = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int FIFO = 0010000;

    private final RunningProcesses targets = new RunningProcesses();
    private Process target;

    @TempDir
    Path work;

    @BeforeEach
    void startTarget() throws IOException, InterruptedException {
        target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("busy_then_exit.py"), "600");
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    private String pid() {
        return Long.toString(target.pid());
    }

    @Test
    void aNullDeviceStaysADevice() throws Exception {
        Path device = work.resolve("null");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").inheritIO().start();
        assumeTrue(mknod.waitFor() == 0, "mknod needs root");

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", pid(), "-d", "1", "-f", "raw", "-o", device.toString());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Wrote raw flamegraph data to '" + device
                + "'. Samples: ");
        assertThat(fileType(device)).as("still a character device").isEqualTo(CHARACTER_DEVICE);
        assertThat(Files.getAttribute(device, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).as("the null device")
                .isEqualTo(259L);
        assertThat(listing()).as("nothing created beside it").containsExactly("null");
    }

    @Test
    void aDashIsStandardOutput() throws Exception {
        Pyspy4jJar.Result result = RecordRun.run(work, "-p", pid(), "-d", "1", "-f", "raw", "-o", "-");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Wrote raw flamegraph data to '-'");
        assertThat(profileOf(result.out()).withLeaf("work")).as(result.describe()).isPositive();
        assertThat(work.resolve("-")).doesNotExist();
    }

    @Test
    void devStdoutIsWrittenThroughItsLink() throws Exception {
        Pyspy4jJar.Result result = RecordRun.run(work, "-p", pid(), "-d", "1", "-f", "raw", "-o", "/dev/stdout");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(profileOf(result.out()).withLeaf("work")).as(result.describe()).isPositive();
    }

    @Test
    void aFifosReaderGetsTheProfile() throws Exception {
        Path fifo = work.resolve("profile.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Pyspy4jJar.Result result;
        try {
            result = RecordRun.run(work, "-p", pid(), "-d", "1", "-f", "raw", "-o", fifo.toString());
        } finally {
            if (!read.isDone()) {
                // Releases the reader, which waits for a writer, when record failed before writing.
                Files.newOutputStream(fifo).close();
            }
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        byte[] profile = read.get(60, TimeUnit.SECONDS);
        assertThat(profileOf(new String(profile, StandardCharsets.UTF_8)).withLeaf("work")).as(result.describe())
                .isPositive();
        assertThat(fileType(fifo)).as("still a FIFO").isEqualTo(FIFO);
        assertThat(listing()).containsExactly("profile.fifo");
    }

    @Test
    void aNameThatIsNotUtf8IsRefusedBeforeSampling() throws Exception {
        // Only a shell can pass these bytes: Java encodes every argument it passes to a program as UTF-8.
        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(List.of("sh", "-c",
                "exec \"$0\" -jar \"$1\" record -p \"$2\" -d 1 -f raw -o \"$(printf 'j\\377.raw')\"",
                Pyspy4jJar.java(), Pyspy4jJar.path().toString(), pid()), work);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pyspy4j record: cannot write 'j\\xff.raw': the name is not valid in the"
                + " locale's character set (UTF-8), and pyspy4j would write another name; choose a name in UTF-8\n");
        assertThat(listing()).as("no file under another name").isEmpty();
        assertThat(ProcState.of(target.pid())).isNotIn('t', 'T');
    }

    @Test
    void aFileThatANonRootUserMayWriteButNotOwnKeepsItsOwner() throws Exception {
        // nobody may replace the file (the directory is its own) but not give the new file root as its owner.
        Path shared = nobodysRecording("nobody", "root:nogroup", "664");

        assertThat(Files.readAttributes(shared, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS))
                .containsEntry("uid", 0).containsEntry("gid", 65534).containsEntry("mode", 0100664);
    }

    @Test
    void aFileThatANonRootUserMayWriteInADirectoryItMayNotWriteIsWrittenInPlace() throws Exception {
        Path own = nobodysRecording("root", "nobody:nogroup", "600");

        assertThat(Files.readAttributes(own, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS))
                .containsEntry("uid", 65534).containsEntry("gid", 65534).containsEntry("mode", 0100600);
    }

    /**
     * Runs {@code record -o shared.txt} as user nobody, with a directory and a file owned as given, and returns the
     * file, checked to hold the profile under no other name. The program is one nobody may run, whose child nobody
     * may read.
     */
    private Path nobodysRecording(String directoryOwner, String fileOwner, String fileMode) throws Exception {
        assumeTrue(exitCode(List.of("runuser", "-u", "nobody", "--", "true")) == 0, "runuser needs root");
        Path directory = Files.createDirectory(work.resolve("nobody's"));
        Path shared = Files.writeString(directory.resolve("shared.txt"), "old\n");
        assertThat(exitCode(List.of("chmod", "755", work.toString(), directory.toString()))).isZero();
        assertThat(exitCode(List.of("chown", directoryOwner, directory.toString()))).isZero();
        assertThat(exitCode(List.of("chown", fileOwner, shared.toString()))).isZero();
        assertThat(exitCode(List.of("chmod", fileMode, shared.toString()))).isZero();

        // The duration counts from the launch, the JVM's warm-up and the interpreter's start-up included: five
        // seconds leave the program time to reach its work on a loaded machine.
        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(List.of("runuser", "-u", "nobody", "--", Pyspy4jJar.java(),
                "-jar", Pyspy4jJar.path().toString(), "record", "-d", "5", "-f", "raw", "-o", shared.toString(),
                "--", "/usr/bin/python3.11", Interpreters.script("busy_then_exit.py").toString(), "600"), directory);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(RawProfile.read(shared).withLeaf("work")).as(result.describe()).isPositive();
        assertThat(Files.getAttribute(shared, "unix:nlink")).isEqualTo(1);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(shared);
        }
        return shared;
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return process.exitValue();
    }

    private static int fileType(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & FILE_TYPE;
    }

    private static RawProfile profileOf(String text) throws IOException {
        Path file = Files.createTempFile("profile", ".txt");
        try {
            Files.writeString(file, text);
            return RawProfile.read(file);
        } finally {
            Files.delete(file);
        }
    }

    /** The files of the working directory, without the standard streams RecordRun keeps there. */
    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("record"))
                    .sorted().toList();
        }
    }
}
