package dev.riffle.emulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What ends a connection below the level of any stream, so that no peer can hold a socket or fill the log by
 * misbehaving before a stream exists. Two handlers, at the two ends of a connection's pipeline:
 * <ul>
 *   <li>{@link #idleCloser}, first: closes a connection on which nothing has been read or written for the
 *       connection idle timeout, such as a peer that stops halfway through a request or its TLS handshake, or
 *       keeps a connection open with no stream. A stream's own traffic (audio in, events out) keeps it alive; a
 *       stream without audio is ended sooner by the stream idle timeout, as the service does.</li>
 *   <li>{@link #errorCloser}, last in an HTTP/2 connection: closes the connection on an error that no handler
 *       took, such as a preface followed by bytes that are not a SETTINGS frame. Netty's HTTP/2 codec has already
 *       answered those with GOAWAY; without this handler the error would also reach the end of the pipeline, which
 *       logs it with a stack trace as an unhandled exception. The other stages close on errors themselves: the
 *       {@link ProtocolDetector} during TLS and until the first bytes say which protocol; in HTTP/1.1 the
 *       {@link WebSocketUpgrade} (which answers a request the codec could not read with 400), then the
 *       {@link WebSocketSession}.</li>
 * </ul>
 */
final class ConnectionGuard {

    private ConnectionGuard() {
    }

    /** Closes the connection after {@code timeout} without reading or writing anything. */
    static IdleStateHandler idleCloser(Duration timeout) {
        return new IdleStateHandler(0, 0, timeout.toNanos(), TimeUnit.NANOSECONDS) {
            @Override
            protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                ctx.close();
            }
        };
    }

    /** Closes the connection on an error that reached the end of its pipeline. */
    static ChannelInboundHandlerAdapter errorCloser() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        };
    }
}
