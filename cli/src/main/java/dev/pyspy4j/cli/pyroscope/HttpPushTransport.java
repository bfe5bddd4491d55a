// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A unary call of the Connect protocol over HTTP/1.1 with a binary protobuf body ({@code application/proto}).
 * {@link HttpURLConnection} rather than {@code java.net.http}: it is in {@code java.base}, the distribution's
 * runtime holds no {@code java.net.http} module.
 */
public final class HttpPushTransport implements PushTransport {
    /** The most of an error body read, for its first line. */
    private static final int BODY_READ_LIMIT = 4096;
    /** The longest first line of a body shown in a warning. */
    private static final int FIRST_LINE_LIMIT = 200;

    private final URL url;
    private final Map<String, String> headers;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /**
     * @param headers authentication and tenant headers, sent with every push
     */
    public HttpPushTransport(URL url, Map<String, String> headers, int connectTimeoutMillis, int readTimeoutMillis) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public PushResponse send(byte[] pushRequest) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setFixedLengthStreamingMode(pushRequest.length);
            connection.setRequestProperty("Content-Type", "application/proto");
            connection.setRequestProperty("Connect-Protocol-Version", "1");
            connection.setRequestProperty("User-Agent", "pyspy4j");
            headers.forEach(connection::setRequestProperty);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(pushRequest);
            }
            int status = connection.getResponseCode();
            return new PushResponse(status, firstLine(status < 400 ? connection.getInputStream()
                    : connection.getErrorStream()));
        } finally {
            connection.disconnect();
        }
    }

    private static String firstLine(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            byte[] head = body.readNBytes(BODY_READ_LIMIT);
            String line = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(head),
                    StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                return "";
            }
            line = line.strip();
            return line.length() > FIRST_LINE_LIMIT ? line.substring(0, FIRST_LINE_LIMIT) + "…" : line;
        }
    }
}
