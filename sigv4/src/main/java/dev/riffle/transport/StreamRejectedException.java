package dev.riffle.transport;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The service refused to open the stream: an HTTP error status (400, 403, 409, 429, 500, 503, ...) before any
 * event. Carries the status, the headers ({@code x-amzn-errortype}, {@code x-amzn-requestid}) and the body (up to a
 * bounded size), for a service client to turn into its typed exceptions.
 */
public final class StreamRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StreamResponse response;
    private final byte[] body;

    /** A refusal with its response and body. */
    public StreamRejectedException(StreamResponse response, byte[] body) {
        super("HTTP " + response.status() + errorType(response) + requestId(response) + ": "
                + preview(body));
        this.response = response;
        this.body = body.clone();
    }

    /** The refusing response. */
    public StreamResponse response() {
        return response;
    }

    /** The HTTP status. */
    public int status() {
        return response.status();
    }

    /** The response body, as received (bounded). */
    public byte[] body() {
        return body.clone();
    }

    /** The error type from {@code x-amzn-errortype}, without any {@code :suffix}, or null. */
    public String errorType() {
        String type = response.header("x-amzn-errortype");
        if (type == null) {
            return null;
        }
        int colon = type.indexOf(':');
        return colon >= 0 ? type.substring(0, colon) : type;
    }

    private static String errorType(StreamResponse response) {
        String type = response.header("x-amzn-errortype");
        return type == null ? "" : " " + type;
    }

    private static String requestId(StreamResponse response) {
        String id = response.requestId();
        return id == null ? "" : " (request id " + id + ")";
    }

    /**
     * The start of the body for the message. A proxy or a faulty endpoint may echo the request in its error page,
     * and a presigned request's query carries its credential scope, signature and session token: their values are
     * blanked, so the message never holds a URL that could be replayed.
     */
    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
        return text.isEmpty() ? "(no body)" : SIGNING_PARAMETER.matcher(text).replaceAll("$1=(not shown)");
    }

    private static final Pattern SIGNING_PARAMETER = Pattern.compile(
            "(?i)(X-Amz-(?:Signature|Security-Token|Credential))(?:=|%3D)[^&\\s\"'<>]*");
}
