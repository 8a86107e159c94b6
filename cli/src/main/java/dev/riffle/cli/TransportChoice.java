package dev.riffle.cli;

import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.http2.Http2Transport;
import dev.riffle.transport.websocket.WebSocketTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** The {@code --transport} of the commands that open streams, and how each is built. */
public enum TransportChoice {
    /** StartStreamTranscription over HTTP/2. */
    HTTP2,
    /** The presigned-URL WebSocket endpoint. */
    WEBSOCKET;

    /** A transport of this kind that also trusts {@code certificates} (for a self-signed emulator). */
    public EventStreamTransport create(List<X509Certificate> certificates) {
        return this == WEBSOCKET ? WebSocketTransport.builder().trustedCertificates(certificates).build()
                : Http2Transport.builder().trustedCertificates(certificates).build();
    }

    /**
     * The certificates of a PEM file (a {@code --ca-bundle}); none for null.
     *
     * @throws CertificateException if the file holds none, or a malformed one
     */
    public static List<X509Certificate> readCertificates(Path pemFile) throws IOException, CertificateException {
        if (pemFile == null) {
            return List.of();
        }
        if (Files.isDirectory(pemFile)) { // else the certificate parser fails with a bare "Is a directory"
            throw new CertificateException("a directory, not a PEM file");
        }
        if (!Files.exists(pemFile)) { // else NoSuchFileException, whose message is only the file's name
            throw new CertificateException("no such file");
        }
        try (InputStream pem = Files.newInputStream(pemFile)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate in the file");
            }
            return certificates;
        }
    }
}
