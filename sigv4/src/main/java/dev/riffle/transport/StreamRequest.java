package dev.riffle.transport;

import dev.riffle.sigv4.CredentialsProvider;
import java.net.URI;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to open: the endpoint, the operation's path and parameters, and how to sign.
 *
 * <p>Parameters are given as HTTP headers (Transcribe's {@code x-amzn-transcribe-*}); the HTTP/2 transport sends
 * them as headers, the WebSocket transport maps them to query parameters of its presigned URL by its own rule.
 */
public final class StreamRequest {

    private final URI endpoint;
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final String service;
    private final String region;
    private final CredentialsProvider credentials;

    private StreamRequest(Builder b) {
        this.endpoint = requireUsableEndpoint(b.endpoint);
        this.method = b.method;
        this.path = requirePathCharacters("path", Objects.requireNonNull(b.path, "path"));
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was " + path);
        }
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.service = Objects.requireNonNull(b.service, "service");
        this.region = Objects.requireNonNull(b.region, "region");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
    }

    /**
     * Checks that a stream can be opened on {@code endpoint}: an absolute http, https, ws or wss URI with a host, a
     * port from 1 to 65535 if it names one, no path beyond {@code /}, no query, and no user information. Clients
     * call this when they are configured, so that a wrong endpoint fails there rather than on the first stream,
     * and a path such as a proxy's prefix is refused rather than silently dropped.
     *
     * <p>User information ({@code user:password@}) is refused and never quoted: SigV4 authenticates with the
     * credentials provider, and a password in the URI would otherwise be echoed by every connection error.
     *
     * @return {@code endpoint}
     * @throws IllegalArgumentException naming what is wrong
     */
    public static URI requireUsableEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getRawUserInfo() != null || authorityHasUserInfo(endpoint)) {
            throw new IllegalArgumentException("endpoint must not carry user information (user:password@); "
                    + "requests are signed with the credentials provider's keys");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?|wss?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http, https, ws or wss URI with a "
                    + "host, was " + quotable(endpoint));
        }
        int port = endpoint.getPort();
        if (port != -1 && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("endpoint port must be 1 to 65535, was " + port + " in "
                    + quotable(endpoint));
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must be scheme, host and port only: each operation names "
                    + "its own path (the transports would drop this one), was " + quotable(endpoint));
        }
        return endpoint;
    }

    /**
     * Whether an {@code @} comes before the path: user information that {@link URI#getRawUserInfo()} misses when the
     * rest of the authority does not parse as a host (an underscore in it) or the URI has no {@code //} at all
     * ({@code user:password@host:port} reads as scheme {@code user}).
     */
    private static boolean authorityHasUserInfo(URI endpoint) {
        String rest = endpoint.getRawSchemeSpecificPart();
        if (rest == null) {
            return false;
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?') {
                return false;
            }
            if (c == '@') {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that {@code path} (or a part of one) holds only what an RFC 3986 path may: unreserved characters,
     * sub-delimiters, {@code :}, {@code @}, {@code /} and {@code %} followed by two hex digits. It is sent as is,
     * in an HTTP/2 {@code :path} or in the URL a WebSocket request is presigned into, so a space or a quote would
     * otherwise fail there, in a message that would quote the whole presigned URL, signature and token included.
     *
     * @param what how the message names the value
     * @return {@code path}
     * @throws IllegalArgumentException naming the first character that is not allowed
     */
    public static String requirePathCharacters(String what, String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0);
            if (c == '%' && i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1))
                    && HexFormat.isHexDigit(path.charAt(i + 2))) {
                allowed = true;
            }
            if (!allowed) {
                throw new IllegalArgumentException(what + " may hold only the characters of a URL path (RFC 3986), "
                        + "with others percent-encoded; character " + i + " is not one of them: "
                        + (c < 0x20 || c >= 0x7F ? String.format("U+%04X", (int) c) : "'" + c + "'"));
            }
        }
        return path;
    }

    /**
     * An endpoint as an error message may show it: without its query or fragment, which a presigned URL passed by
     * mistake would fill with its signature and session token.
     */
    private static String quotable(URI endpoint) {
        String text = endpoint.toString();
        int cut = text.length();
        for (char c : new char[] {'?', '#'}) {
            int at = text.indexOf(c);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return cut < text.length() ? text.substring(0, cut) + " (query not shown)" : text;
    }

    /**
     * Checks an HTTP field value: no CR, LF or NUL (RFC 9110, 5.5), which would end the field early or split the
     * request. The value is not quoted in the message, since a header may carry a token.
     *
     * @return {@code value}
     * @throws IllegalArgumentException naming the field
     */
    public static String requireFieldValue(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain CR, LF or NUL (RFC 9110, 5.5)");
        }
        return value;
    }

    private static boolean isTokenChar(int c) { // RFC 9110, 5.6.2: tchar
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Scheme, host and port to connect to, for example {@code https://transcribestreaming.us-west-2.amazonaws.com}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The HTTP method (POST for an HTTP/2 event stream). */
    public String method() {
        return method;
    }

    /** The operation's path, for example {@code /stream-transcription}. */
    public String path() {
        return path;
    }

    /** The operation's parameters as headers (lower-case names), in order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The SigV4 signing name, for example {@code transcribe}. */
    public String service() {
        return service;
    }

    /** The SigV4 region. */
    public String region() {
        return region;
    }

    /** Where the signing credentials come from; asked once, when the stream opens. */
    public CredentialsProvider credentials() {
        return credentials;
    }

    /** The endpoint's port, or the scheme's default. */
    public int port() {
        if (endpoint.getPort() > 0) {
            return endpoint.getPort();
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
    }

    /** Whether the endpoint uses TLS ({@code https} or {@code wss}). */
    public boolean secure() {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("wss");
    }

    /** Credentials are never printed. */
    @Override
    public String toString() {
        return "StreamRequest[" + method + " " + endpoint + path + ", service=" + service + ", region=" + region
                + ", headers=" + headers.keySet() + "]";
    }

    /** Builds a {@link StreamRequest}. */
    public static final class Builder {
        private URI endpoint;
        private String method = "POST";
        private String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String service;
        private String region;
        private CredentialsProvider credentials;

        private Builder() {
        }

        /** Scheme, host and port (any path on it is ignored). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The HTTP method; POST by default. */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** The operation's path. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Adds a parameter header; the name is lower-cased, as HTTP/2 requires.
         *
         * @throws IllegalArgumentException if the name is not an HTTP token or the value holds CR, LF or NUL
         */
        public Builder header(String name, String value) {
            if (name.isEmpty() || !name.chars().allMatch(StreamRequest::isTokenChar)) {
                throw new IllegalArgumentException("header name must be an HTTP token (RFC 9110, 5.1), was '"
                        + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            headers.put(name.toLowerCase(Locale.ROOT), requireFieldValue(name, value));
            return this;
        }

        /** Adds parameter headers. */
        public Builder headers(Map<String, String> more) {
            more.forEach(this::header);
            return this;
        }

        /** The SigV4 signing name. */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** The SigV4 region. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Where credentials come from. */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The request. */
        public StreamRequest build() {
            return new StreamRequest(this);
        }
    }
}
