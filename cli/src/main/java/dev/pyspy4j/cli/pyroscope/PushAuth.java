// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that authenticate a push, from the environment variables Pyroscope's own SDKs read, so that a
 * deployment configured for them works unchanged: {@code PYROSCOPE_TENANT_ID} (the {@code X-Scope-OrgID} of a
 * multi-tenant server), {@code PYROSCOPE_BASIC_AUTH_USER} and {@code PYROSCOPE_BASIC_AUTH_PASSWORD} (Grafana
 * Cloud's instance id and token), or {@code PYROSCOPE_AUTH_TOKEN} (a bearer token).
 */
public final class PushAuth {
    public static final String TENANT_ID = "PYROSCOPE_TENANT_ID";
    public static final String BASIC_AUTH_USER = "PYROSCOPE_BASIC_AUTH_USER";
    public static final String BASIC_AUTH_PASSWORD = "PYROSCOPE_BASIC_AUTH_PASSWORD";
    public static final String AUTH_TOKEN = "PYROSCOPE_AUTH_TOKEN";

    private PushAuth() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user when the variables contradict each other
     */
    public static Map<String, String> headers(Map<String, String> environment) {
        Map<String, String> headers = new LinkedHashMap<>();
        String tenant = set(environment, TENANT_ID);
        String user = set(environment, BASIC_AUTH_USER);
        String password = set(environment, BASIC_AUTH_PASSWORD);
        String token = set(environment, AUTH_TOKEN);
        if (tenant != null) {
            headers.put("X-Scope-OrgID", checked(TENANT_ID, tenant));
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(BASIC_AUTH_USER + " and " + BASIC_AUTH_PASSWORD
                    + " must be set together");
        }
        if (user != null && token != null) {
            throw new IllegalArgumentException("set either " + AUTH_TOKEN + " or " + BASIC_AUTH_USER + " and "
                    + BASIC_AUTH_PASSWORD + ", not both");
        }
        if (user != null) {
            byte[] credentials = (checked(BASIC_AUTH_USER, user) + ":" + checked(BASIC_AUTH_PASSWORD, password))
                    .getBytes(StandardCharsets.UTF_8);
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials));
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + checked(AUTH_TOKEN, token));
        }
        return Map.copyOf(headers);
    }

    /** The variable's value, or {@code null} when it is unset or empty. */
    private static String set(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A header value cannot hold a line break (nor other control characters), which would end the header. */
    private static String checked(String name, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " holds a control character");
        }
        return value;
    }
}
