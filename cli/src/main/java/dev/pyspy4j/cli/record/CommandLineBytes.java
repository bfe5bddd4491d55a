// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of this process's command line, to find a file name the JVM could not decode. The JVM turns each argument
 * into a string with the charset of the locale ({@code sun.jnu.encoding}, UTF-8 under the {@code pyspy4j} launcher)
 * and every byte sequence that is not valid in it into U+FFFD; the string encodes back to different bytes, so a file
 * opened by it would get another name. The JDK offers no way to name a file by bytes, so such a name is refused.
 */
final class CommandLineBytes {
    private final List<byte[]> arguments;
    private final Charset charset;

    CommandLineBytes(List<byte[]> arguments, Charset charset) {
        this.arguments = List.copyOf(arguments);
        this.charset = charset;
    }

    /** This process's arguments from {@code /proc/self/cmdline}; none where that cannot be read (not Linux). */
    static CommandLineBytes ofThisProcess() {
        Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        try {
            return new CommandLineBytes(split(Files.readAllBytes(Path.of("/proc/self/cmdline"))), charset);
        } catch (IOException | SecurityException e) {
            return new CommandLineBytes(List.of(), charset);
        }
    }

    /**
     * The bytes of the argument that decoded into {@code text} (or ends with it, as {@code --output=NAME} does) when
     * they differ from what {@code text} encodes to, that is when decoding lost bytes; empty when nothing was lost.
     */
    Optional<byte[]> lostBytes(String text) {
        if (text.indexOf('\uFFFD') < 0) {
            return Optional.empty();
        }
        byte[] encoded = text.getBytes(charset);
        for (byte[] argument : arguments) {
            String decoded = new String(argument, charset);
            if (decoded.endsWith(text) && !Arrays.equals(decoded.getBytes(charset), argument)
                    && !endsWith(argument, encoded)) {
                return Optional.of(nameBytes(argument, decoded, text));
            }
        }
        return Optional.empty();
    }

    /** The part of {@code argument} that decoded into {@code text}, without a prefix such as {@code --output=}. */
    private byte[] nameBytes(byte[] argument, String decoded, String text) {
        int prefixLength = decoded.substring(0, decoded.length() - text.length()).getBytes(charset).length;
        return Arrays.copyOfRange(argument, prefixLength, argument.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }

    /** Shows bytes as a shell's {@code $'...'} would: printable ASCII as is, everything else as {@code \xHH}. */
    static String escaped(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int unsigned = b & 0xff;
            if (unsigned >= 0x20 && unsigned < 0x7f && unsigned != '\\') {
                text.append((char) unsigned);
            } else {
                text.append(String.format("\\x%02x", unsigned));
            }
        }
        return text.toString();
    }

    private static List<byte[]> split(byte[] cmdline) {
        List<byte[]> arguments = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (byte b : cmdline) {
            if (b == 0) {
                arguments.add(current.toByteArray());
                current.reset();
            } else {
                current.write(b);
            }
        }
        if (current.size() > 0) {
            arguments.add(current.toByteArray());
        }
        return arguments;
    }
}
