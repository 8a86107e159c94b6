package dev.riffle.transport;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status and headers with which a service answered a stream request. Header names are matched
 * case-insensitively.
 */
public final class StreamResponse {

    private final int status;
    private final Map<String, String> headers;

    /** A response; repeated headers should be joined with ',' by the caller. */
    public StreamResponse(int status, Map<String, String> headers) {
        this.status = status;
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        this.headers = Collections.unmodifiableMap(copy);
    }

    /** The HTTP status (200 for an accepted HTTP/2 stream, 101 for a WebSocket upgrade). */
    public int status() {
        return status;
    }

    /** All headers, with case-insensitive keys. */
    public Map<String, String> headers() {
        return headers;
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The AWS request id ({@code x-amzn-requestid} or {@code x-amzn-request-id}), or null. */
    public String requestId() {
        String id = header("x-amzn-request-id");
        return id != null ? id : header("x-amzn-requestid");
    }

    @Override
    public String toString() {
        return "StreamResponse[status=" + status + ", requestId=" + requestId() + "]";
    }
}
