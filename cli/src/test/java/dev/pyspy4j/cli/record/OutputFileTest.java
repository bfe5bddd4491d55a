// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output file: refused early when it cannot be written, replaced whole at the end when it is a plain file, written
 * through when it is anything else. Devices, FIFOs and links are made in a temporary directory (device nodes with
 * {@code mknod}, which needs root; those tests are skipped without it), never in the real {@code /dev}.
 */
class OutputFileTest {
    /** Bigger than a pipe's buffer (64 KiB), so that a FIFO's reader must drain it while it is written. */
    private static final int LARGE = 1 << 20;

    @TempDir
    Path directory;

    /** A recorder that writes fixed text, or fails half-way. */
    private static Recorder writing(String text, boolean failing) {
        return new Recorder() {
            @Override
            public void record(StackTrace trace, long elapsedNanos) {
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                if (failing) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public String announce(String path) {
                return "Wrote '" + path + "'";
            }
        };
    }

    private String[] listing() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void checkingLeavesNothingBehind() throws IOException {
        OutputFile file = OutputFile.prepare(directory.resolve("out.svg").toString());

        assertThat(file.shownAs()).isEqualTo(directory.resolve("out.svg").toString());
        assertThat(listing()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeAnythingIsWritten() {
        String name = directory.resolve("no/such/out.svg").toString();

        assertThatThrownBy(() -> OutputFile.prepare(name)).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
            assertThat(e.getMessage()).isEqualTo("cannot write '" + name + "': no such directory '"
                    + directory.resolve("no/such") + "'");
        });
        assertThat(directory.resolve("no")).doesNotExist();
    }

    @Test
    void aDirectoryIsNoOutputFile() {
        assertThatThrownBy(() -> OutputFile.prepare(directory.toString()))
                .hasMessage("cannot write '" + directory + "': it is a directory");
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws IOException {
        Files.writeString(directory.resolve("plain"), "x");
        String name = directory.resolve("plain/out.svg").toString();

        assertThatThrownBy(() -> OutputFile.prepare(name)).hasMessageStartingWith("cannot write '" + name
                + "': no such directory");
    }

    @Test
    void writesTheRecordingAndNothingElse() throws IOException {
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("a;b 3\n", false));

        assertThat(directory.resolve("out.txt")).hasContent("a;b 3");
        assertThat(listing()).containsExactly("out.txt");
    }

    @Test
    void replacesAnOlderFile() throws IOException {
        Files.writeString(directory.resolve("out.txt"), "old profile, longer than the new one\n");
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("new\n", false));

        assertThat(directory.resolve("out.txt")).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesTheOlderFileAndNoTemporaryFile() throws IOException {
        Files.writeString(directory.resolve("out.txt"), "old\n");
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        assertThatThrownBy(() -> file.write(writing("partial", true))).isInstanceOfSatisfying(SpyException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
                    assertThat(e.getMessage()).endsWith("out.txt': No space left on device");
                });
        assertThat(directory.resolve("out.txt")).hasContent("old");
        assertThat(listing()).containsExactly("out.txt");
    }

    @Test
    void theFileGetsTheUsualPermissionsOfANewFileNotThoseOfATemporaryOne() throws IOException {
        Path reference = Files.createFile(directory.resolve("reference"));
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("x", false));

        assertThat(Files.getPosixFilePermissions(directory.resolve("out.txt")))
                .isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aCharacterDeviceStaysADeviceAndNothingIsCreatedBesideIt() throws Exception {
        Path device = directory.resolve("null");
        makeNullDevice(device);

        OutputFile file = OutputFile.prepare(device.toString());
        assertThat(listing()).containsExactly("null");
        file.write(writing("discarded\n", false));

        assertThat(entry(device).type()).isEqualTo(PathEntry.Type.CHARACTER_DEVICE);
        assertThat(Files.size(device)).isZero();
        assertThat(listing()).containsExactly("null");
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItLeadsToGetsTheData() throws IOException {
        Path target = Files.writeString(directory.resolve("target.txt"), "old profile\n");
        Path link = Files.createSymbolicLink(directory.resolve("link.txt"), Path.of("target.txt"));
        Object inode = Files.readAttributes(target, "unix:ino").get("ino");

        OutputFile.prepare(link.toString()).write(writing("new\n", false));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("target.txt"));
        assertThat(target).hasContent("new");
        assertThat(Files.readAttributes(target, "unix:ino").get("ino")).as("the same file").isEqualTo(inode);
        assertThat(listing()).containsExactly("link.txt", "target.txt");
    }

    @Test
    void aSymbolicLinkToADeviceIsWrittenThroughAsDevStdoutIs() throws Exception {
        Path device = directory.resolve("null");
        makeNullDevice(device);
        Path link = Files.createSymbolicLink(directory.resolve("stdout"), device);

        OutputFile.prepare(link.toString()).write(writing("discarded\n", false));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(entry(device).type()).isEqualTo(PathEntry.Type.CHARACTER_DEVICE);
        assertThat(listing()).containsExactly("null", "stdout");
    }

    @Test
    void aSymbolicLinkToNothingCreatesTheFileItNames() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("link.txt"), Path.of("created.txt"));

        OutputFile.prepare(link.toString()).write(writing("x\n", false));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(directory.resolve("created.txt")).hasContent("x");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: a FIFO opened without a reader would block
    void aFifoIsCheckedWithoutOpeningItAndItsReaderGetsEveryByte() throws Exception {
        Path fifo = directory.resolve("fifo");
        run("mkfifo", fifo.toString());
        String data = "a;b 1\n".repeat(LARGE / 6);

        OutputFile file = OutputFile.prepare(fifo.toString());
        assertThat(listing()).containsExactly("fifo");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        file.write(writing(data, false));

        assertThat(new String(read.get(), StandardCharsets.UTF_8)).isEqualTo(data);
        assertThat(entry(fifo).type()).isEqualTo(PathEntry.Type.FIFO);
        assertThat(listing()).containsExactly("fifo");
    }

    @Test
    void aHardLinkedFileStaysOneFileUnderBothNames() throws IOException {
        Path original = Files.writeString(directory.resolve("out.txt"), "old profile, longer than the new one\n");
        Path second = Files.createLink(directory.resolve("second.txt"), original);

        OutputFile.prepare(original.toString()).write(writing("new\n", false));

        assertThat(original).hasContent("new");
        assertThat(second).hasContent("new");
        assertThat(entry(original).links()).isEqualTo(2);
        assertThat(listing()).containsExactly("out.txt", "second.txt");
    }

    @Test
    void anotherUsersFileKeepsItsOwnerGroupAndMode() throws Exception {
        Path other = Files.writeString(directory.resolve("theirs.txt"), "old\n");
        int code = exitCode("chown", "65534:65534", other.toString());
        assumeTrue(code == 0, "chown to another user needs root");
        run("chmod", "0640", other.toString());

        OutputFile.prepare(other.toString()).write(writing("new\n", false));

        PathEntry replaced = entry(other);
        assertThat(replaced.uid()).isEqualTo(65534);
        assertThat(replaced.gid()).isEqualTo(65534);
        assertThat(Integer.toOctalString(replaced.mode())).isEqualTo("640");
        assertThat(replaced.links()).isEqualTo(1);
        assertThat(other).hasContent("new");
        assertThat(listing()).containsExactly("theirs.txt");
    }

    @Test
    void aReplacedFileKeepsItsSpecialModeBits() throws Exception {
        Path script = Files.writeString(directory.resolve("out.txt"), "old\n");
        run("chmod", "4751", script.toString());

        OutputFile.prepare(script.toString()).write(writing("new\n", false));

        assertThat(Integer.toOctalString(entry(script).mode())).isEqualTo("4751");
    }

    @Test
    void aRegularFileIsReplacedAtomicallyNotTruncated() throws IOException {
        Path out = Files.writeString(directory.resolve("out.txt"), "old\n");

        try (InputStream before = Files.newInputStream(out)) {
            OutputFile.prepare(out.toString()).write(writing("new\n", false));

            assertThat(new String(before.readAllBytes(), StandardCharsets.UTF_8))
                    .as("a reader of the old file still reads it whole").isEqualTo("old\n");
        }
        assertThat(out).hasContent("new");
        assertThat(listing()).containsExactly("out.txt");
    }

    @Test
    void anAbsentPathIsCreated() throws IOException {
        Path out = directory.resolve("new.txt");

        OutputFile.prepare(out.toString()).write(writing("x\n", false));

        assertThat(out).hasContent("x");
        assertThat(entry(out).type()).isEqualTo(PathEntry.Type.REGULAR);
    }

    @Test
    void aSocketIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path socket = directory.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertThatThrownBy(() -> OutputFile.prepare(socket.toString())).isInstanceOfSatisfying(
                    SpyException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
                        assertThat(e.getMessage()).isEqualTo("cannot write '" + socket + "': it is a socket");
                    });
        }
    }

    @Test
    void aFileSystemThatCannotBeWrittenIsRefusedInOneLine() {
        // sysfs refuses new files even to root, unlike a directory without write permission.
        assertThatThrownBy(() -> OutputFile.prepare("/sys/pyspy4j-profile.svg"))
                .hasMessage("cannot write '/sys/pyspy4j-profile.svg': permission denied");
    }

    @Test
    void aLinkToNothingInADirectoryThatCannotBeWrittenIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("link.svg"), Path.of("/sys/pyspy4j-profile.svg"));

        assertThatThrownBy(() -> OutputFile.prepare(link.toString()))
                .hasMessage("cannot write '" + link + "': permission denied");
    }

    @Test
    void aNameWhoseBytesWereLostInDecodingIsRefusedWithItsBytes() {
        byte[] raw = "/tmp/j\\xff.raw".replace("\\xff", "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        String decoded = new String(raw, StandardCharsets.UTF_8);
        CommandLineBytes commandLine = new CommandLineBytes(List.of("java".getBytes(StandardCharsets.UTF_8), raw),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OutputFile.prepare(decoded, commandLine)).isInstanceOfSatisfying(
                SpyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
                    assertThat(e.getMessage()).startsWith("cannot write '/tmp/j\\xff.raw': the name is not valid");
                });
    }

    private static PathEntry entry(Path path) throws IOException {
        return PathEntry.of(path).orElseThrow();
    }

    /** The kernel's null device (major 1, minor 3), made here; skips the test where mknod is not allowed. */
    private static void makeNullDevice(Path device) throws Exception {
        assumeTrue(exitCode("mknod", device.toString(), "c", "1", "3") == 0, "mknod needs root");
        assertThat(Files.readAttributes(device, "unix:rdev", LinkOption.NOFOLLOW_LINKS).get("rdev"))
                .isEqualTo(259L);
    }

    private static void run(String... command) throws Exception {
        assertThat(exitCode(command)).as(String.join(" ", command)).isZero();
    }

    private static int exitCode(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return process.exitValue();
    }
}
