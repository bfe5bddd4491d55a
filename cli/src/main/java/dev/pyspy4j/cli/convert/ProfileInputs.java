// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.convert;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.ProviderRegistry;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.output.RecordedProfile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The profile formats {@code convert} reads ({@link ProfileInput} providers: raw and pprof in pyspy4j), chosen by
 * id or recognized by the file's first bytes, the highest priority first.
 */
public final class ProfileInputs {
    private static final int HEAD_BYTES = 64;

    private final List<ProfileInput> available;

    public ProfileInputs(ProviderRegistry<ProfileInput> registry, Platform platform) {
        this.available = registry.supported(platform);
    }

    /** The ids of the readable formats, sorted. */
    public String ids() {
        return available.stream().map(ProfileInput::id).sorted().collect(Collectors.joining(", "));
    }

    /**
     * Reads the whole profile from {@code in}, in the format named {@code forcedId} or else the one its first bytes
     * show.
     *
     * @param shownAs the input's name for messages
     * @throws SpyException MALFORMED_INPUT when no format fits or the content is not valid; USAGE for an unknown id
     */
    public Read read(InputStream in, Optional<String> forcedId, String shownAs) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(new FailingReads(in));
            buffered.mark(HEAD_BYTES);
            byte[] head = buffered.readNBytes(HEAD_BYTES);
            buffered.reset();
            ProfileInput format = forcedId.map(this::byId).orElseGet(() -> recognize(head, shownAs));
            return new Read(format.id(), format.read(buffered));
        } catch (UncheckedIOException e) {
            throw cannotRead(shownAs, e.getCause());
        } catch (IOException e) {
            throw cannotRead(shownAs, e);
        }
    }

    private ProfileInput byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return available.stream().filter(format -> format.id().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new SpyException(FailureKind.USAGE,
                        "invalid value '" + id + "' for '--from': choose one of " + ids()));
    }

    private ProfileInput recognize(byte[] head, String shownAs) {
        return available.stream().filter(format -> format.recognizes(head)).findFirst()
                .orElseThrow(() -> new SpyException(FailureKind.MALFORMED_INPUT,
                        "'" + shownAs + "' is not a profile convert can read (" + ids() + ")"));
    }

    private static SpyException cannotRead(String shownAs, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SpyException(FailureKind.MALFORMED_INPUT, "cannot read '" + shownAs + "': " + reason, e);
    }

    /** A profile and the id of the format it was read as. */
    public record Read(String formatId, RecordedProfile profile) {
    }

    /**
     * Reports the input's own read failures as {@link UncheckedIOException}, so that readers, which turn the
     * {@code IOException}s of decoding into malformed input, pass them on as read failures.
     */
    private static final class FailingReads extends InputStream {
        private final InputStream in;

        FailingReads(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            try {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
