package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riffle.sigv4.SigV4Vectors.Named;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * smithy-typescript's presign and header-sign cases (session token signed in the query, body hashes,
 * {@code UNSIGNED-PAYLOAD}, a preset {@code x-amz-content-sha256}) and the Ruby SDK's case with whitespace inside
 * quotes: each reproduces the published signature, and riffle's verifier accepts it.
 */
class MiscVectorsTest {

    static Stream<Named> cases() {
        return SigV4Vectors.cases("request-misc.smithy-ts-ruby.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesThePublishedSignature(Named vector) {
        JsonNode c = vector.node();
        SignableRequest request = request(c);
        SigningOptions options = options(c);
        JsonNode expected = c.get("expected");

        if (c.get("kind").asText().equals("sigv4-presign")) {
            PresignedRequest presigned = RequestSigner.presign(request, options,
                    Duration.ofSeconds(c.get("expires_in").asLong()));
            assertThat(presigned.signature()).isEqualTo(expected.get("signature").asText());
            assertThat(asMap(presigned)).isEqualTo(expectedQuery(expected.get("query")));
        } else {
            SignedRequest signed = RequestSigner.sign(request, options);
            assertThat(signed.signature()).isEqualTo(expected.get("signature").asText());
            assertThat(signed.authorization()).isEqualTo(expected.get("authorization").asText());
            assertThat(signed.canonicalRequest())
                    .isEqualTo(SigV4Vectors.withTokenRedacted(c.get("derived").get("canonical_request").asText()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAcceptsIt(Named vector) {
        JsonNode c = vector.node();
        SignableRequest request = request(c);
        SigningOptions options = options(c);
        RequestVerifier verifier = new RequestVerifier(CredentialsLookup.of(options.credentials()),
                Clock.fixed(options.time(), ZoneOffset.UTC), RequestVerifier.DEFAULT_CLOCK_SKEW, null);

        if (c.get("kind").asText().equals("sigv4-presign")) {
            if (!c.get("body").asText().equals("none")) {
                return; // a presigned URL does not carry its body hash; the verifier assumes the empty body
            }
            Duration expires = Duration.ofSeconds(c.get("expires_in").asLong());
            PresignedRequest presigned = RequestSigner.presign(request, options, expires);
            SignableRequest sent = new SignableRequest(request.method(), request.path(),
                    UriEncoding.parseQuery(presigned.queryString()), request.headers());
            assertThat(verifier.verifyPresigned(sent, expires).signature()).isEqualTo(presigned.signature());
        } else {
            SignedRequest signed = RequestSigner.sign(request, options);
            SignableRequest sent = new SignableRequest(request.method(), request.path(), request.query(),
                    signed.headers());
            assertThat(verifier.verify(sent).signature()).isEqualTo(signed.signature());
        }
    }

    private static SignableRequest request(JsonNode c) {
        SignableRequest.Builder builder = SignableRequest.builder(c.get("method").asText(), c.get("path").asText());
        JsonNode headers = c.has("headers") ? c.get("headers") : c.get("headers_in");
        boolean hasHost = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            String value = h.getValue().asText();
            if (h.getKey().equalsIgnoreCase("content-length")) {
                value = value.replace(" (configured as unsigned)", "");
            }
            hasHost |= h.getKey().equalsIgnoreCase("host");
            builder.header(h.getKey(), value);
        }
        if (!hasHost && c.has("url")) {
            builder.header("host", URI.create(c.get("url").asText()).getHost());
        }
        if (presetsUnsignedPayload(c)) {
            builder.header("x-amz-content-sha256", SigV4.UNSIGNED_PAYLOAD);
        }
        return builder.build();
    }

    private static SigningOptions options(JsonNode c) {
        JsonNode creds = c.get("credentials");
        String token = c.path("session_token").isTextual() ? c.get("session_token").asText() : null;
        SigningOptions options = SigningOptions.of(
                Credentials.of(creds.get("access_key_id").asText(), creds.get("secret_access_key").asText(), token),
                c.get("region").asText(), c.get("service").asText(), SigV4Vectors.instant(c.get("timestamp").asText()));
        String body = c.get("body").asText();
        String payloadHash = body.equals("none") ? SigV4.EMPTY_PAYLOAD_SHA256
                : body.equals("opaque stream") ? SigV4.UNSIGNED_PAYLOAD
                : body.startsWith("utf8:") ? SigV4.sha256Hex(body.substring(5).getBytes(StandardCharsets.UTF_8))
                : SigV4.sha256Hex(SigV4Vectors.hex(body.substring(4)));
        boolean presetHash = presetsUnsignedPayload(c);
        if (c.get("kind").asText().equals("sigv4-request-headers")) {
            // Both SDKs add x-amz-content-sha256 when signing headers; a preset header wins.
            options = options.withContentSha256Header(true);
            if (!presetHash) {
                options = options.withPayloadHash(payloadHash);
            }
        } else {
            options = options.withPayloadHash(payloadHash);
        }
        if (c.get("id").asText().startsWith("ruby/")) {
            Set<String> unsigned = new java.util.HashSet<>(SigningOptions.DEFAULT_UNSIGNED_HEADERS);
            unsigned.add("content-length"); // the case configures Content-Length as unsigned
            options = options.withUnsignedHeaders(unsigned).withQuotedWhitespaceKept(true);
        }
        return options;
    }

    /** The case whose request carries x-amz-content-sha256: UNSIGNED-PAYLOAD before signing (see its id). */
    private static boolean presetsUnsignedPayload(JsonNode c) {
        return c.get("id").asText().contains("preset to UNSIGNED-PAYLOAD");
    }

    private static Map<String, String> asMap(PresignedRequest presigned) {
        Map<String, String> out = new HashMap<>();
        presigned.query().forEach(p -> out.put(p.name(), p.value()));
        return out;
    }

    private static Map<String, String> expectedQuery(JsonNode query) {
        Map<String, String> out = new HashMap<>();
        query.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
