/**
 * What riffle's two Netty transports share: the event stream's life cycle ({@link
 * dev.riffle.transport.netty.AbstractEventStream}), its outbound queue, per-event signing, TLS contexts and the
 * meaning of connection errors.
 *
 * <p>Internal to riffle's transports: public only because the WebSocket transport lives in another module. It is
 * not API, and may change in any release; use {@link dev.riffle.transport.EventStreamTransport} instead.
 */
package dev.riffle.transport.netty;
