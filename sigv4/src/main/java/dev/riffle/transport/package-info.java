/**
 * The service-neutral contract of one duplex, signed event stream: what a transport (HTTP/2, WebSocket) offers and
 * what a service client (Transcribe, or any API speaking {@code application/vnd.amazon.eventstream}) uses. It knows
 * nothing of any one service; a client chooses a transport by passing an {@link
 * dev.riffle.transport.EventStreamTransport} object.
 *
 * <p>Threading: a transport calls listeners on its own I/O thread, one stream's callbacks never concurrently;
 * {@link dev.riffle.transport.EventStream} methods may be called from any thread.
 */
package dev.riffle.transport;
