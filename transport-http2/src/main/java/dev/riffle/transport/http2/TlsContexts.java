package dev.riffle.transport.http2;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/** The client TLS context: JDK provider, ALPN offering {@code h2} only. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SslContext client(List<X509Certificate> trusted) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            // A server that does not do ALPN is talked to with HTTP/2 anyway (prior knowledge),
                            // as the real endpoint accepts; one that picks http/1.1 is refused after the handshake.
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2));
            if (!trusted.isEmpty()) {
                builder.trustManager(trusted.toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
