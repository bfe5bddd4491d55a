// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * A stand-in for a Pyroscope server's HTTP front: it keeps every request it gets (method, path, headers, body) and
 * answers each with the status its policy gives for the request's number (0 for the first), with a one-line error
 * body as Connect servers send when it is not 200.
 */
final class PushReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    /** One request as it arrived, with the status it was answered. */
    record Received(String method, String path, Map<String, String> headers, byte[] body, int status) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    PushReceiver(IntUnaryOperator statusOfRequest) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(
                    name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            int status;
            synchronized (received) {
                status = statusOfRequest.applyAsInt(received.size());
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                        body, status));
            }
            byte[] answer = status == 200 ? new byte[0]
                    : "{\"code\":\"unavailable\",\"message\":\"no healthy ingester\"}\nsecond line"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/proto"
                    : "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
