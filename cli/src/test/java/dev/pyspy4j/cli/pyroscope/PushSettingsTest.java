// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address, labels and authentication of a push, checked before sampling starts. */
class PushSettingsTest {
    @Test
    void thePushGoesToTheConnectProcedureUnderTheServersAddress() {
        assertThat(PushEndpoint.parse("http://127.0.0.1:4040").push().toString())
                .isEqualTo("http://127.0.0.1:4040/push.v1.PusherService/Push");
        assertThat(PushEndpoint.parse("https://profiles.example.com/pyroscope/").push().toString())
                .isEqualTo("https://profiles.example.com/pyroscope/push.v1.PusherService/Push");
        assertThat(PushEndpoint.parse("http://localhost:4040/").server()).isEqualTo("http://localhost:4040");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:4040|it must start with http:// or https://",
        "ftp://host|it must start with http:// or https://",
        "127.0.0.1:4040|it must start with http:// or https://",
        "http://|it names no host",
        "http:///x|it names no host",
        "http://host:4040/?x=1|it must have no query (?) or fragment (#)",
        "http://ho st|Illegal character in authority"})
    void anAddressThatIsNotAServersIsRefused(String address, String why) {
        assertThatThrownBy(() -> PushEndpoint.parse(address)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--pyroscope '" + address + "' is not a server address: " + why
                        + " (e.g. http://localhost:4040)");
    }

    @Test
    void theSeriesIsNamedByTheProfilesKindTheAppAndTheTagsInOrder() {
        assertThat(SeriesLabels.series("process_cpu", SeriesLabels.app("demo"),
                SeriesLabels.tags(List.of("env=test", "region=eu-west=1", "empty_ok_name=x"))))
                .containsExactly(new LabelPair("__name__", "process_cpu"), new LabelPair("service_name", "demo"),
                        new LabelPair("env", "test"), new LabelPair("region", "eu-west=1"),
                        new LabelPair("empty_ok_name", "x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "env|--tag takes name=value, not 'env'",
        "=x|--tag name '' is not a label name (letters, digits and _, not starting with a digit)",
        "1env=x|--tag name '1env' is not a label name (letters, digits and _, not starting with a digit)",
        "my-env=x|--tag name 'my-env' is not a label name (letters, digits and _, not starting with a digit)",
        "service_name=x|--tag name 'service_name' is reserved (--app sets it)",
        "__name__=x|--tag name '__name__' is reserved (names starting with __ are Pyroscope's own)",
        "__session_id__=x|--tag name '__session_id__' is reserved (names starting with __ are Pyroscope's own)",
        "thread_name=x|--tag name 'thread_name' is reserved (--pyroscope-labels sets it)",
        "env=|--tag env needs a value that is not empty"})
    void aTagThatCannotNameASeriesIsRefused(String tag, String message) {
        assertThatThrownBy(() -> SeriesLabels.tags(List.of(tag))).hasMessage(message);
    }

    @Test
    void aTagGivenTwiceIsRefused() {
        assertThatThrownBy(() -> SeriesLabels.tags(List.of("env=a", "env=b"))).hasMessage("--tag env is given twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two\nlines"})
    void anAppNameMustBeOneLineOfText(String app) {
        assertThatThrownBy(() -> SeriesLabels.app(app)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--app ");
    }

    @Test
    void theEnvironmentGivesTheTenantAndBasicAuthentication() {
        assertThat(PushAuth.headers(Map.of("PYROSCOPE_TENANT_ID", "team-a", "PYROSCOPE_BASIC_AUTH_USER", "123456",
                "PYROSCOPE_BASIC_AUTH_PASSWORD", "glc_secret", "HOME", "/root")))
                .isEqualTo(Map.of("X-Scope-OrgID", "team-a", "Authorization", "Basic MTIzNDU2OmdsY19zZWNyZXQ="));
    }

    @Test
    void aTokenIsSentAsABearerAndEmptyVariablesCountAsUnset() {
        assertThat(PushAuth.headers(Map.of("PYROSCOPE_AUTH_TOKEN", "t0k3n", "PYROSCOPE_TENANT_ID", "")))
                .isEqualTo(Map.of("Authorization", "Bearer t0k3n"));
        assertThat(PushAuth.headers(Map.of())).isEmpty();
    }

    @Test
    void contradictoryVariablesAreRefused() {
        assertThatThrownBy(() -> PushAuth.headers(Map.of("PYROSCOPE_BASIC_AUTH_USER", "u")))
                .hasMessage("PYROSCOPE_BASIC_AUTH_USER and PYROSCOPE_BASIC_AUTH_PASSWORD must be set together");
        assertThatThrownBy(() -> PushAuth.headers(Map.of("PYROSCOPE_BASIC_AUTH_USER", "u",
                "PYROSCOPE_BASIC_AUTH_PASSWORD", "p", "PYROSCOPE_AUTH_TOKEN", "t")))
                .hasMessage("set either PYROSCOPE_AUTH_TOKEN or PYROSCOPE_BASIC_AUTH_USER and"
                        + " PYROSCOPE_BASIC_AUTH_PASSWORD, not both");
        assertThatThrownBy(() -> PushAuth.headers(Map.of("PYROSCOPE_TENANT_ID", "a\r\nX-Evil: 1")))
                .hasMessage("PYROSCOPE_TENANT_ID holds a control character");
    }
}
