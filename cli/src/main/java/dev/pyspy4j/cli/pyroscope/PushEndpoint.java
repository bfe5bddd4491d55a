// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

/**
 * Where profiles are pushed: the Connect procedure {@code push.v1.PusherService/Push} under the server's address.
 *
 * @param server the address as given, without a trailing slash
 * @param push   the procedure's URL
 */
public record PushEndpoint(String server, URL push) {
    /** The Connect procedure, relative to the server's address. */
    public static final String PUSH_PATH = "/push.v1.PusherService/Push";

    /**
     * @param address {@code http(s)://host[:port][/path]}, e.g. {@code http://localhost:4040}
     * @throws IllegalArgumentException with a message for the user when it is not such an address
     */
    public static PushEndpoint parse(String address) {
        String stripped = address.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw invalid(address, "it must start with http:// or https://");
        }
        String afterScheme = stripped.substring(stripped.indexOf("://") + 3);
        if (afterScheme.isEmpty() || afterScheme.startsWith("/")) {
            throw invalid(address, "it names no host");
        }
        String trimmed = stripped;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(address, e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(address, "it names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(address, "it must have no query (?) or fragment (#)");
        }
        try {
            return new PushEndpoint(trimmed, URI.create(trimmed + PUSH_PATH).toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw invalid(address, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String address, String why) {
        return new IllegalArgumentException("--pyroscope '" + address + "' is not a server address: " + why
                + " (e.g. http://localhost:4040)");
    }
}
