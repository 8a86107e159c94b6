package dev.riffle.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What SigV4 signs of an HTTP request: method, path, query parameters and headers. Values are raw (not
 * percent-encoded); the signer encodes them. Headers may repeat, in order.
 *
 * @param method  the HTTP method, for example {@code POST}
 * @param path    the raw path, for example {@code /stream-transcription}
 * @param query   query parameters, decoded, in order
 * @param headers headers, in order; names are matched case-insensitively
 */
public record SignableRequest(String method, String path, List<Param> query, List<Param> headers) {

    /** Copies the lists. */
    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        headers = List.copyOf(headers);
    }

    /** A new builder. */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The values of header {@code name} (any case), in order. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (Param header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        for (Param header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** This request without the headers named in {@code names} (any case). */
    SignableRequest withoutHeaders(String... names) {
        List<Param> kept = new ArrayList<>(headers.size());
        outer:
        for (Param header : headers) {
            for (String name : names) {
                if (header.name().equalsIgnoreCase(name)) {
                    continue outer;
                }
            }
            kept.add(header);
        }
        return new SignableRequest(method, path, query, kept);
    }

    /** A name and a value: a header or a query parameter. */
    public record Param(String name, String value) {
        /** Rejects nulls. */
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        /**
         * The name and value, except that a session token's value is redacted: a request carries it as the
         * {@code x-amz-security-token} header or the {@code X-Amz-Security-Token} query parameter, and a token is
         * a secret (it authenticates as long as it lives), so it must not reach logs through a request's
         * {@code toString()}.
         */
        @Override
        public String toString() {
            return "Param[name=" + name + ", value=" + (isSessionToken() ? "<redacted>" : value) + "]";
        }

        /** Whether this is the session token, as header or query parameter: a secret. */
        boolean isSessionToken() {
            return name.equalsIgnoreCase("x-amz-security-token");
        }
    }

    /** Builds a {@link SignableRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Param> query = new ArrayList<>();
        private final List<Param> headers = new ArrayList<>();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Adds a query parameter (raw, not encoded). */
        public Builder query(String name, String value) {
            query.add(new Param(name, value));
            return this;
        }

        /** Adds a header. */
        public Builder header(String name, String value) {
            headers.add(new Param(name, value));
            return this;
        }

        /** The request. */
        public SignableRequest build() {
            return new SignableRequest(method, path, query, headers);
        }
    }
}
