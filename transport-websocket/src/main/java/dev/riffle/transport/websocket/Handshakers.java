package dev.riffle.transport.websocket;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/** The client side of the WebSocket opening handshake (RFC 6455, version 13). */
final class Handshakers {

    private Handshakers() {
    }

    /**
     * A handshaker for {@code url}. The Host header Netty writes is the URL's host with its port unless the port is
     * the scheme's default: exactly the {@code host} that was signed.
     */
    static WebSocketClientHandshaker client(WebSocketUrl url, int maxFramePayload) {
        HttpHeaders headers = new DefaultHttpHeaders();
        return WebSocketClientHandshakerFactory.newHandshaker(url.uri(), WebSocketVersion.V13, null, false, headers,
                maxFramePayload);
    }
}
