package dev.riffle.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsLookup;
import dev.riffle.sigv4.RequestVerifier;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.UriEncoding;
import dev.riffle.sigv4.VerifiedRequest;
import dev.riffle.transport.StreamRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * From a stream request to a presigned URL (spec 4.1 and the pitfalls of sigv4-eventstream.md section 6): the AWS
 * endpoint goes to {@code wss} on 8443 with {@code :8443} in the signed host, parameters lose their prefix, only
 * {@code host} is signed, and riffle's verifier accepts the result as the service would.
 */
class WebSocketUrlTest {

    private static final Credentials KEY = Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static StreamRequest request(String endpoint) {
        return StreamRequest.builder().endpoint(URI.create(endpoint)).path("/stream-transcription")
                .header("x-amzn-transcribe-language-code", "en-US").header("x-amzn-transcribe-media-encoding", "pcm")
                .header("x-amzn-transcribe-sample-rate", "16000").service("transcribe").region("us-west-2")
                .credentials(() -> KEY).build();
    }

    private static WebSocketTransport.Settings settings(Duration expiry) {
        return new WebSocketTransport.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Clock.fixed(NOW, ZoneOffset.UTC), true, expiry,
                "-websocket", "x-amzn-transcribe-", 8443, WebSocketTransport.emptyAudioEvent(), 1 << 20);
    }

    @Test
    void awsEndpointBecomesWssOn8443WithThePortSigned() {
        WebSocketUrl url = WebSocketUrl.presign(request("https://transcribestreaming.us-west-2.amazonaws.com"), KEY,
                settings(Duration.ofSeconds(60)));

        assertThat(url.uri().getScheme()).isEqualTo("wss");
        assertThat(url.uri().getPort()).isEqualTo(8443);
        assertThat(url.host()).isEqualTo("transcribestreaming.us-west-2.amazonaws.com:8443");
        assertThat(url.uri().getRawPath()).isEqualTo("/stream-transcription-websocket");
        List<SignableRequest.Param> query = UriEncoding.parseQuery(url.uri().getRawQuery());
        assertThat(query).extracting(SignableRequest.Param::name).contains("language-code", "media-encoding",
                "sample-rate", "X-Amz-SignedHeaders", "X-Amz-Expires", "X-Amz-Signature")
                .doesNotContain("x-amzn-transcribe-language-code");
        assertThat(query).contains(new SignableRequest.Param("X-Amz-SignedHeaders", "host"),
                new SignableRequest.Param("X-Amz-Expires", "60"));
        assertThat(url.toString()).doesNotContain("X-Amz-Signature");
    }

    @Test
    void localEndpointKeepsItsSchemeAndPort() {
        WebSocketUrl url = WebSocketUrl.presign(request("http://127.0.0.1:8080"), KEY,
                settings(Duration.ofSeconds(60)));
        assertThat(url.uri().toString()).startsWith("ws://127.0.0.1:8080/stream-transcription-websocket?");
        assertThat(url.host()).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void theServicesVerifierAcceptsTheUrlAndItsSignatureSeedsTheChain() {
        WebSocketUrl url = WebSocketUrl.presign(request("https://transcribestreaming.us-west-2.amazonaws.com"), KEY,
                settings(Duration.ofSeconds(300)));
        SignableRequest asReceived = new SignableRequest("GET", url.uri().getRawPath(),
                UriEncoding.parseQuery(url.uri().getRawQuery()), List.of(new SignableRequest.Param("host", url.host())));
        RequestVerifier verifier = new RequestVerifier(CredentialsLookup.of(KEY), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(5), "transcribe");

        VerifiedRequest verified = verifier.verifyPresigned(asReceived, Duration.ofSeconds(300));

        assertThat(verified.signature()).isEqualTo(url.signature());
    }

    @Test
    void expiryIsCappedAtThreeHundredSeconds() {
        assertThatThrownBy(() -> WebSocketTransport.builder().presignExpiry(Duration.ofSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300");
        WebSocketTransport.builder().presignExpiry(Duration.ofSeconds(300));
    }
}
