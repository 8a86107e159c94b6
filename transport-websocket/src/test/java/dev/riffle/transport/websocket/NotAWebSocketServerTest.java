package dev.riffle.transport.websocket;

import static dev.riffle.transport.http2.Http2TransportTest.assertFails;
import static dev.riffle.transport.http2.Http2TransportTest.request;

import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.http2.CannedPeer;
import dev.riffle.transport.http2.TestHttp2Server;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the WebSocket transport says when the endpoint answers its upgrade with something else than HTTP. */
class NotAWebSocketServerTest {

    private final WebSocketTransport transport = WebSocketTransport.builder().build();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void anAnswerThatIsNotHttpFailsWithAProtocolErrorNamingIt() throws Exception {
        byte[] garbage = "\u0000\u0001garbage\nmore garbage\n".getBytes(StandardCharsets.ISO_8859_1);
        try (CannedPeer peer = new CannedPeer(garbage)) {
            assertFails(transport.open(request(peer.uri("ws"), TestHttp2Server.CREDENTIALS), message -> { }),
                    Kind.PROTOCOL_ERROR, "the answer to the WebSocket upgrade from ws://127.0.0.1:", "is not HTTP: ");
        }
    }

    @Test
    void aWssEndpointThatAnswersInPlainHttpFailsSayingSo() throws Exception {
        byte[] http = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (CannedPeer plain = new CannedPeer(http)) {
            assertFails(transport.open(request(plain.uri("wss"), TestHttp2Server.CREDENTIALS), message -> { }),
                    Kind.TLS_FAILED, "did not answer in TLS (a ws:// endpoint?)");
        }
    }
}
