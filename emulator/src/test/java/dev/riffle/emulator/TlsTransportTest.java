package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.RetryPolicy;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.TranscriptionStream;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.http2.Http2Transport;
import dev.riffle.transport.websocket.WebSocketTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * riffle's transports over TLS, against the emulator's TLS listener: HTTP/2 (ALPN {@code h2}) and WebSocket
 * ({@code wss}, ALPN {@code http/1.1}) with a certificate the caller trusts stream a sample; a certificate nobody
 * trusts is a TLS failure before anything is sent.
 */
@Timeout(60)
class TlsTransportTest {

    /** The transports, built with the certificates to trust. */
    enum Transport {
        HTTP2 {
            @Override
            EventStreamTransport create(List<X509Certificate> trusted) {
                return Http2Transport.builder().trustedCertificates(trusted).build();
            }
        },
        WEBSOCKET {
            @Override
            EventStreamTransport create(List<X509Certificate> trusted) {
                return WebSocketTransport.builder().trustedCertificates(trusted).build();
            }
        };

        abstract EventStreamTransport create(List<X509Certificate> trusted);
    }

    private static final Credentials EXAMPLE = EmulatorContractTest.EXAMPLE;
    private static final StartStreamTranscriptionRequest REQUEST = EmulatorContractTest.REQUEST;

    private Emulator emulator;
    private TranscribeStreamingClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private TranscribeStreamingClient client(Transport transport, List<X509Certificate> trusted) {
        URI endpoint = URI.create("https://localhost:" + emulator.port());
        client = TranscribeStreamingClient.builder().region("us-west-2").endpoint(endpoint)
                .credentialsProvider(() -> EXAMPLE).retryPolicy(RetryPolicy.NONE)
                .transport(transport.create(trusted)).build();
        return client;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTrustedCertificateStreamsTheSample(Transport transport) throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().tls(true).script(Samples.script("recipe"))
                .aheadOfRealTimeAllowance(null).build());
        List<TranscriptEvent> events = Collections.synchronizedList(new ArrayList<>());
        TranscriptionStream stream = client(transport, emulator.certificate().orElseThrow().chain())
                .startStreamTranscription(REQUEST, events::add).get(10, TimeUnit.SECONDS);
        for (ByteBuffer chunk : Samples.chunks("recipe")) {
            stream.sendAudio(chunk).get(5, TimeUnit.SECONDS);
        }
        stream.end();
        stream.completion().get(20, TimeUnit.SECONDS);

        assertThat(Samples.finalText(events)).isEqualTo(Samples.transcript("recipe"));
        assertThat(Samples.hasPartials(events)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCertificateNobodyTrustsIsATlsFailureBeforeTheRequest(Transport transport) {
        emulator = Emulator.start(EmulatorConfig.builder().tls(true).build());

        assertThatThrownBy(() -> client(transport, List.of()).startStreamTranscription(REQUEST, event -> { })
                .get(10, TimeUnit.SECONDS)).satisfies(e -> assertThat(transportFailure(e).kind()).isEqualTo(TransportException.Kind.TLS_FAILED));
        assertThat(emulator.liveStreams()).isZero();
    }

    private static TransportException transportFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TransportException transport) {
                return transport;
            }
        }
        throw new AssertionError("no TransportException in " + thrown);
    }
}
