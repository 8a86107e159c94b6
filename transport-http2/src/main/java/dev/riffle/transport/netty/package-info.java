/**
 * What riffle's two Netty transports share: the event stream's life cycle ({@link
 * dev.riffle.transport.netty.AbstractEventStream}), the transport's threads and live streams, the outbound queue,
 * per-event signing, TLS contexts, the meaning of connection errors, and the settings both builders take.
 *
 * <p>Internal to riffle's transports, and public only because the WebSocket transport lives in another module: it
 * may change in any release. Two of its types show through the transports' API. {@link
 * dev.riffle.transport.netty.AbstractTransportBuilder}'s setters are those of {@code Http2Transport.Builder} and
 * {@code WebSocketTransport.Builder}, and are API through them. The streams the transports hand out are {@link
 * dev.riffle.transport.netty.AbstractEventStream}s: use them as {@link dev.riffle.transport.EventStream}; their
 * other public methods are for the transport's pipeline and must be called on the stream's event loop.
 */
package dev.riffle.transport.netty;
