package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.sigv4.SignableRequest.Param;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No value that authenticates (a secret key or a session token) reaches a {@code toString()} of what signing
 * builds or consumes: requests carry the token as a header or a query parameter once signed, and requests end up
 * in logs and exception messages.
 */
class SecretRedactionTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    private static final Credentials TEMPORARY = Credentials.of("ASIAEXAMPLE", SECRET, TOKEN);
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static SignableRequest.Builder request() {
        return SignableRequest.builder("POST", "/stream-transcription")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com")
                .header("x-amzn-transcribe-language-code", "en-US");
    }

    @Test
    void aHeaderSignedRequestCarryingItsTokenPrintsNeitherSecret() {
        SigningOptions options = SigningOptions.of(TEMPORARY, "us-west-2", "transcribe", NOW)
                .withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD);
        SignedRequest signed = RequestSigner.sign(request().build(), options);
        SignableRequest.Builder sent = request();
        for (Param header : signed.headers()) {
            sent.header(header.name(), header.value());
        }
        SignableRequest onTheWire = sent.build();

        assertThat(onTheWire.header("x-amz-security-token")).isEqualTo(TOKEN); // the token is really there
        assertNoSecret(onTheWire.toString(), signed.toString(), options.toString(), TEMPORARY.toString());
        assertThat(onTheWire.toString()).contains("x-amzn-transcribe-language-code", "en-US", "<redacted>");
    }

    @Test
    void aPresignedUrlCarryingItsTokenPrintsNeitherSecret() {
        SignableRequest unsigned = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com:8443")
                .query("language-code", "en-US").build();
        PresignedRequest presigned = RequestSigner.presign(unsigned,
                SigningOptions.of(TEMPORARY, "us-west-2", "transcribe", NOW), Duration.ofMinutes(5));
        List<Param> query = new ArrayList<>(presigned.query());
        SignableRequest.Builder received = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com:8443");
        query.forEach(param -> received.query(param.name(), param.value()));
        SignableRequest onTheWire = received.build();

        assertThat(onTheWire.query()).extracting(Param::value).contains(TOKEN);
        assertNoSecret(onTheWire.toString(), presigned.toString());
        assertThat(onTheWire.toString()).contains("X-Amz-Credential", "language-code");
        // with long-term keys there is no token, and the signature with the scope and date is most of a usable URL
        assertThat(presigned.toString()).doesNotContain(presigned.signature());
    }

    @Test
    void theCanonicalRequestRecordPrintsNoSecret() {
        CanonicalRequest canonical = CanonicalRequest.of(request().header("x-amz-security-token", TOKEN).build(),
                List.of(), java.util.Set.of(), SigV4.UNSIGNED_PAYLOAD, true, false);

        assertThat(canonical.text()).contains(TOKEN); // what is hashed must hold it
        assertNoSecret(canonical.toString());
    }

    @Test
    void theCanonicalRequestOfAHeaderSignedRequestRedactsTheTokenAndKeepsItsPlace() {
        SignedRequest signed = RequestSigner.sign(request().build(),
                SigningOptions.of(TEMPORARY, "us-west-2", "transcribe", NOW));

        assertNoSecret(signed.canonicalRequest());
        assertThat(signed.canonicalRequest()).contains("\nx-amz-security-token:" + RequestSigner.REDACTED + "\n");
        assertIsTheSignedTextWithTheTokenRestored(signed.canonicalRequest(), signed.stringToSign());
    }

    @Test
    void theCanonicalRequestOfAPresignedUrlRedactsTheTokenAndKeepsItsPlace() {
        PresignedRequest presigned = RequestSigner.presign(request().query("language-code", "en-US").build(),
                SigningOptions.of(TEMPORARY, "us-west-2", "transcribe", NOW), Duration.ofMinutes(5));

        assertNoSecret(presigned.canonicalRequest());
        assertThat(presigned.canonicalRequest()).contains("&X-Amz-Security-Token=" + RequestSigner.REDACTED + "&");
        assertIsTheSignedTextWithTheTokenRestored(presigned.canonicalRequest(), presigned.stringToSign());
    }

    @Test
    void aCanonicalRequestWithoutATokenIsTheSignedTextItself() {
        SignedRequest signed = RequestSigner.sign(request().build(),
                SigningOptions.of(Credentials.of("AKIDEXAMPLE", SECRET), "us-west-2", "transcribe", NOW));

        assertThat(signed.stringToSign()).endsWith("\n" + SigV4.sha256Hex(signed.canonicalRequest()));
    }

    /** Only the token's value was replaced: putting it back gives the text whose hash was signed. */
    private static void assertIsTheSignedTextWithTheTokenRestored(String redacted, String stringToSign) {
        String restored = redacted.replace(RequestSigner.REDACTED, UriEncoding.encode(TOKEN));
        assertThat(stringToSign).endsWith("\n" + SigV4.sha256Hex(restored));
    }

    private static void assertNoSecret(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
    }
}
