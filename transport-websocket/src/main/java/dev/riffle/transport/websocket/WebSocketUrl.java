package dev.riffle.transport.websocket;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.PresignedRequest;
import dev.riffle.sigv4.RequestSigner;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SigningOptions;
import dev.riffle.transport.StreamRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * A stream request turned into a presigned WebSocket URL (spec 4.1): scheme, host and port, the path with its
 * suffix, the parameters as query parameters without their prefix, and the SigV4 query signature over
 * {@code host} only, whose {@code X-Amz-Signature} seeds the event chain.
 *
 * @param uri       the URL to connect to
 * @param host      the Host header, with the port unless it is the scheme's default: what was signed
 * @param signature {@code X-Amz-Signature}
 */
record WebSocketUrl(URI uri, String host, String signature) {

    static WebSocketUrl presign(StreamRequest request, Credentials credentials, WebSocketTransport.Settings settings) {
        boolean secure = request.secure();
        int port = request.endpoint().getPort() > 0 ? request.endpoint().getPort()
                : secure ? settings.secureDefaultPort() : 80;
        String host = request.endpoint().getHost() + (port == (secure ? 443 : 80) ? "" : ":" + port);
        String path = request.path() + settings.pathSuffix();
        SignableRequest.Builder toSign = SignableRequest.builder("GET", path).header("host", host);
        for (Map.Entry<String, String> parameter : request.headers().entrySet()) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(settings.parameterPrefix())) {
                name = name.substring(settings.parameterPrefix().length());
            }
            toSign.query(name, parameter.getValue());
        }
        PresignedRequest presigned = RequestSigner.presign(toSign.build(), SigningOptions.of(credentials,
                request.region(), request.service(), settings.clock().instant()), settings.presignExpiry());
        return new WebSocketUrl(toUri(secure, host, path, presigned.queryString()), host, presigned.signature());
    }

    /**
     * The presigned URL as a URI. The host and path were checked when the request was built, so this cannot fail
     * in practice; if it does, the message names the host and path only, since the JDK's would quote the whole
     * URL, signature and session token included.
     */
    private static URI toUri(boolean secure, String host, String path, String query) {
        String scheme = secure ? "wss" : "ws";
        try {
            return new URI(scheme + "://" + host + path + "?" + query);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a WebSocket URL of " + scheme + "://" + host + path
                    + " (" + e.getReason() + "; query not shown)");
        }
    }

    boolean secure() {
        return uri.getScheme().equals("wss");
    }

    int port() {
        return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** The URL carries a session token and a signature; only the endpoint and path are printed. */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + host + uri.getRawPath();
    }
}
