package dev.riffle.emulator;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Error responses before the stream, as the service writes them (spec 2.6): the status, {@code x-amzn-errortype}
 * (with the {@code :}-suffix the service adds), {@code x-amzn-requestid}, and a JSON body whose message key is
 * {@code Message} for the modeled errors and {@code message} for the AWS-wide 403 family.
 */
final class ErrorResponses {

    private static final String TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazonaws.transcribe.streaming/";
    private static final Set<String> LOWER_CASE_MESSAGE = Set.of("InvalidSignatureException",
            "UnrecognizedClientException", "ExpiredTokenException", "IncompleteSignatureException",
            "MissingAuthenticationTokenException", "AccessDeniedException");

    private ErrorResponses() {
    }

    static Http2Headers headers(int status, String errorType, String requestId) {
        return new DefaultHttp2Headers().status(Integer.toString(status))
                .add("x-amzn-errortype", errorType + TYPE_SUFFIX)
                .add("x-amzn-requestid", requestId)
                .add("content-type", "application/json");
    }

    static byte[] body(String errorType, String message) {
        String key = LOWER_CASE_MESSAGE.contains(errorType) ? "message" : "Message";
        return ("{\"" + key + "\":" + jsonString(message) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s} as a JSON string: whatever it holds, the body stays one JSON value that reads back as {@code s}. */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // A lone surrogate has no UTF-8 form (the encoder would write '?'); escaped, any surrogate
                    // reads back as itself.
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
