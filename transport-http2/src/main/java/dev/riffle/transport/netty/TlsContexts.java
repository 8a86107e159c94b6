package dev.riffle.transport.netty;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Client TLS contexts for riffle's transports: the JDK provider, ALPN offering the transport's protocols, and
 * (applied by {@link #verifyHostname}) hostname verification, which Netty leaves off unless asked.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** A client context trusting {@code trusted} (or the JDK defaults when empty), offering {@code protocols} by ALPN. */
    public static SslContext client(List<X509Certificate> trusted, String... protocols) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            // A server that does no ALPN is still talked to (the HTTP/2 transport then speaks HTTP/2
                            // by prior knowledge, as the real endpoint accepts); each transport checks the choice.
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols));
            if (!trusted.isEmpty()) {
                builder.trustManager(trusted.toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /** Turns on the check of the certificate's name against the host: Netty does not do it unless asked. */
    public static void verifyHostname(javax.net.ssl.SSLEngine engine) {
        javax.net.ssl.SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
    }
}
