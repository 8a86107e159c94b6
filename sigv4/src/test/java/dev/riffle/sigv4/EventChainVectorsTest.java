package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riffle.sigv4.SigV4Vectors.Named;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seven event-stream vectors (chains and single events from aws-c-auth = Java v2, Go v1 and v2, Java v2's
 * day rollover, Ruby/JS, the Python Transcribe SDK, Kotlin/Rust): every event's signature reproduces, chained from
 * the seed; the seed requests reproduce; riffle's envelopes are byte for byte the derived ones; and the chain
 * verifier accepts them, and refuses them with any single bit flipped.
 */
class EventChainVectorsTest {

    static Stream<Named> vectors() {
        return SigV4Vectors.eventFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everySignatureOfTheChainReproduces(Named vector) {
        JsonNode v = vector.node();
        Credentials credentials = SigV4Vectors.credentials(v.get("credentials"));
        EventSignatureCalculator calculator = new EventSignatureCalculator(credentials.secretAccessKey(),
                v.get("region").asText(), v.get("service").asText());
        byte[] prior = v.get("seed").get("prior_signature_hex").asText().getBytes(StandardCharsets.US_ASCII);
        int events = 0;
        for (JsonNode event : v.get("events")) {
            JsonNode in = event.get("inputs");
            long second = SigV4.parseDateTime(in.get("signing_datetime").asText()).getEpochSecond();
            byte[] payloadHash = new byte[32];
            calculator.hashPayload(ByteBuffer.wrap(SigV4Vectors.hex(in.get("payload_hex").asText())), payloadHash);
            byte[] signature = new byte[32];
            if (in.has("date_header_hex")) {
                byte[] header = SigV4Vectors.hex(in.get("date_header_hex").asText());
                calculator.sign(second, header, 0, header.length, payloadHash, prior, prior.length, signature);
            } else {
                calculator.sign(second, in.get("date_header_epoch_ms").asLong(), payloadHash, prior, prior.length,
                        signature);
            }

            JsonNode expected = event.get("expected");
            if (expected.has("signature_hex")) {
                assertThat(Hex.encode(signature)).isEqualTo(expected.get("signature_hex").asText());
            }
            if (expected.has("chunk_signature_base64")) {
                assertThat(Base64.getEncoder().encodeToString(signature))
                        .isEqualTo(expected.get("chunk_signature_base64").asText());
            }
            if (expected.has("string_to_sign")) {
                assertThat(calculator.lastStringToSign()).isEqualTo(expected.get("string_to_sign").asText());
            }
            prior = Hex.encode(signature).getBytes(StandardCharsets.US_ASCII);
            events++;
        }
        assertThat(events).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void seedRequestReproduces(Named vector) {
        JsonNode v = vector.node();
        JsonNode request = v.get("seed").path("request");
        if (request.isMissingNode()) {
            return; // the seed is given, not derived from a request
        }
        SignableRequest.Builder builder = SignableRequest.builder(request.get("method").asText(),
                request.get("path").asText());
        JsonNode headers = request.has("headers_before_signing") ? request.get("headers_before_signing")
                : request.get("headers_signed");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!h.getKey().equals("x-amz-date")) {
                builder.header(h.getKey(), h.getValue().asText());
            }
        }
        SigningOptions options = SigningOptions.of(SigV4Vectors.credentials(v.get("credentials")),
                        v.get("region").asText(), v.get("service").asText(),
                        Instant.parse(request.get("timestamp").asText()))
                .withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD).withContentSha256Header(true);

        SignedRequest signed = RequestSigner.sign(builder.build(), options);

        assertThat(signed.signature()).isEqualTo(v.get("seed").get("prior_signature_hex").asText());
        if (request.has("expected")) {
            assertThat(signed.authorization()).isEqualTo(request.get("expected").get("authorization").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void envelopesAreByteForByteAndVerify(Named vector) {
        JsonNode v = vector.node();
        if (!v.get("envelope").asBoolean()) {
            return; // opaque header bytes stand for :date: there is no real envelope to build
        }
        Credentials credentials = SigV4Vectors.credentials(v.get("credentials"));
        String seed = v.get("seed").get("prior_signature_hex").asText();
        TestClock clock = new TestClock(Instant.EPOCH);
        EventSigner signer = new EventSigner(credentials, v.get("region").asText(), v.get("service").asText(), seed,
                clock);
        List<byte[]> envelopes = new ArrayList<>();
        for (JsonNode event : v.get("events")) {
            JsonNode in = event.get("inputs");
            clock.set(Instant.ofEpochMilli(in.get("date_header_epoch_ms").asLong()));
            ByteBuffer inner = ByteBuffer.wrap(SigV4Vectors.hex(in.get("payload_hex").asText()));
            ByteBuffer out = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
            signer.sign(inner, out);
            envelopes.add(out.array());
            JsonNode derived = event.get("derived");
            if (derived != null && derived.has("envelope_message_hex")) {
                assertThat(Hex.encode(out.array())).isEqualTo(derived.get("envelope_message_hex").asText());
            }
        }

        assertThat(verifyAll(v, envelopes, clock)).isEqualTo(envelopes.size());
        for (int e = 0; e < envelopes.size(); e++) {
            for (int bit = 0; bit < envelopes.get(e).length * 8; bit++) {
                List<byte[]> flipped = new ArrayList<>(envelopes);
                byte[] copy = envelopes.get(e).clone();
                copy[bit / 8] ^= (byte) (1 << (bit % 8));
                flipped.set(e, copy);
                int index = e;
                assertThatThrownBy(() -> verifyAll(v, flipped, clock)).as("event %d bit %d", index, bit)
                        .isInstanceOfAny(SignatureVerificationException.class,
                                dev.riffle.eventstream.EventStreamException.class);
            }
        }
    }

    /** Decodes and verifies envelopes in order; returns how many verified. */
    private static int verifyAll(JsonNode v, List<byte[]> envelopes, Clock clock) {
        EventChainVerifier verifier = new EventChainVerifier(SigV4Vectors.credentials(v.get("credentials")),
                v.get("region").asText(), v.get("service").asText(), v.get("seed").get("prior_signature_hex").asText(),
                clock, Duration.ofMinutes(5));
        return EventChains.verifyAll(verifier, envelopes);
    }
}
