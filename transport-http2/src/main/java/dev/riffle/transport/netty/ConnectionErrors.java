package dev.riffle.transport.netty;

import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import javax.net.ssl.SSLException;

/**
 * What a connection-level error from a transport's pipeline means, for both transports alike: a TLS handshake that
 * timed out ({@link Kind#CONNECT_TIMEOUT}), any other TLS failure ({@link Kind#TLS_FAILED}), or bytes the protocol
 * could not read ({@link Kind#PROTOCOL_ERROR}).
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /**
     * The transport exception for {@code cause}, raised on the connection to {@code server}.
     *
     * @param plainEndpoint what to suggest when the server answered without TLS, such as
     *     {@code "an http:// endpoint"}: Netty's own message for that case is a hex dump of the answer
     */
    public static TransportException toTransportException(Throwable cause, Object server, String plainEndpoint) {
        Kind kind = cause instanceof SslHandshakeTimeoutException ? Kind.CONNECT_TIMEOUT
                : causedBy(cause, SSLException.class) ? Kind.TLS_FAILED : Kind.PROTOCOL_ERROR;
        String message = causedBy(cause, NotSslRecordException.class)
                ? "the server at " + server + " did not answer in TLS (" + plainEndpoint + "?)"
                : String.valueOf(cause.getMessage());
        return new TransportException(kind, message, cause);
    }

    private static boolean causedBy(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
