package dev.riffle.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which endpoints a stream can be opened on, checked when a client is configured rather than on connecting. */
class StreamRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://transcribestreaming.us-west-2.amazonaws.com", "http://127.0.0.1:8080",
            "ws://localhost:1", "WSS://[::1]:65535", "https://example.com/"})
    void anAbsoluteHttpOrWebSocketUriWithAHostIsUsable(String endpoint) {
        URI uri = URI.create(endpoint);

        assertThat(StreamRequest.requireUsableEndpoint(uri)).isSameAs(uri);
        assertThat(request(uri).endpoint()).isSameAs(uri);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com | absolute http, https, ws or wss URI with a host, was ftp://example.com",
            "notaurl | absolute http, https, ws or wss URI with a host, was notaurl",
            "/stream-transcription | absolute http, https, ws or wss URI with a host",
            "http://127.0.0.1:99999 | port must be 1 to 65535, was 99999",
            "http://127.0.0.1:0 | port must be 1 to 65535, was 0",
            "https://proxy.example.com/transcribe | scheme, host and port only",
            "http://127.0.0.1:8080/?region=us-east-1 | scheme, host and port only",
            "http://127.0.0.1:8080#events | scheme, host and port only"})
    void anUnusableEndpointIsRefusedWithTheReason(String endpoint, String reason) {
        URI uri = URI.create(endpoint);

        assertThatThrownBy(() -> StreamRequest.requireUsableEndpoint(uri))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
        assertThatThrownBy(() -> request(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:hunter2@127.0.0.1:8080", "https://hunter2@example.com",
            "http://user:hunter2@my_host:8080", "admin:hunter2@proxy.corp:8080", "http://user:hunter2@/x"})
    void userInformationIsRefusedWithoutQuotingIt(String endpoint) {
        assertThatThrownBy(() -> StreamRequest.requireUsableEndpoint(URI.create(endpoint)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user information")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://transcribestreaming.us-east-1.amazonaws.com:8443/stream-transcription-websocket?"
                    + "X-Amz-Security-Token=hunter2&X-Amz-Signature=abc",
            "ftp://example.com/?X-Amz-Security-Token=hunter2", "http://127.0.0.1:99999/#hunter2"})
    void aPresignedUrlGivenAsTheEndpointIsRefusedWithoutQuotingItsQuery(String endpoint) {
        assertThatThrownBy(() -> StreamRequest.requireUsableEndpoint(URI.create(endpoint)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(query not shown)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    /**
     * The path is sent as is (HTTP/2 :path, or inside the presigned WebSocket URL, where the JDK's error for a bad
     * character would quote the whole URL with its token): what a URL path cannot hold is refused when building.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/stream transcription | character 7 is not one of them: ' '",
            "/a\"b | character 2 is not one of them: '\"'", "/x%zz | character 2 is not one of them: '%'",
            "/caf\u00e9 | character 4 is not one of them: U+00E9", "/a{b} | character 2"})
    void aPathAUrlCannotHoldIsRefusedNamingTheCharacter(String path, String reason) {
        assertThatThrownBy(() -> StreamRequest.builder().endpoint(URI.create("http://h")).path(path).service("s")
                .region("r").credentials(() -> null).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path may hold only the characters of a URL path").hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream-transcription", "/a/b.c~d_e", "/x%20y", "/v1:op;k=v,(a)!$&'*+@"})
    void aPathOfUrlCharactersIsKept(String path) {
        assertThat(StreamRequest.builder().endpoint(URI.create("http://h")).path(path).service("s").region("r")
                .credentials(() -> null).build().path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-amzn-transcribe-vocabulary-name", "x-custom_header.v2", "X-Amz-Target"})
    void aTokenNameAndAPlainValueAreKept(String name) {
        assertThat(StreamRequest.builder().header(name, "a value\twith a tab").endpoint(URI.create("http://h"))
                .path("/").service("s").region("r").credentials(() -> null).build().headers())
                .containsEntry(name.toLowerCase(java.util.Locale.ROOT), "a value\twith a tab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x evil", "x-evil:", ":authority", "x-\u00e9"})
    void aNameThatIsNotAnHttpTokenIsRefused(String name) {
        assertThatThrownBy(() -> StreamRequest.builder().header(name, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an HTTP token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US\r\nx-injected: 1", "a\nb", "a\u0000b"})
    void aValueThatWouldSplitTheRequestIsRefusedWithoutQuotingIt(String value) {
        assertThatThrownBy(() -> StreamRequest.builder().header("x-amzn-transcribe-language-code", value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not contain CR, LF or NUL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("injected"));
    }

    private static StreamRequest request(URI endpoint) {
        Credentials credentials = Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return StreamRequest.builder().endpoint(endpoint).path("/stream-transcription").service("transcribe")
                .region("us-east-1").credentials(() -> credentials).build();
    }
}
