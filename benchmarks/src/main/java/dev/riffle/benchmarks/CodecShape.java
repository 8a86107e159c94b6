package dev.riffle.benchmarks;

import dev.riffle.eventstream.HeaderBlock;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The message shapes the codec benchmarks measure, as Transcribe Streaming sends them. */
public enum CodecShape {
    /** 100 ms of 16 kHz 16-bit mono PCM in an AudioEvent: the client's hot path. */
    AUDIO_3200(":event-type", "AudioEvent", "application/octet-stream", audio(3200)),
    /** A TranscriptEvent of about 1 KiB of JSON: the server's hot path. */
    TRANSCRIPT_1K(":event-type", "TranscriptEvent", "application/json", transcript()),
    /** A 64 KiB payload: the CRC-bound case. */
    PAYLOAD_64K(":event-type", "chunk", "application/octet-stream", audio(64 * 1024));

    private final String eventTypeHeader;
    private final String eventType;
    private final String contentType;
    private final byte[] payload;

    CodecShape(String eventTypeHeader, String eventType, String contentType, byte[] payload) {
        this.eventTypeHeader = eventTypeHeader;
        this.eventType = eventType;
        this.contentType = contentType;
        this.payload = payload;
    }

    /** The payload bytes (shared; do not modify). */
    public byte[] payload() {
        return payload;
    }

    /** The three headers every Transcribe event carries, written into {@code headers}. */
    public HeaderBlock writeHeaders(HeaderBlock headers) {
        return headers.addString(":message-type", "event").addString(eventTypeHeader, eventType)
                .addString(":content-type", contentType);
    }

    /** The same headers in aws-eventstream-java 1.0.1's model, in the same order. */
    public java.util.Map<String, software.amazon.eventstream.HeaderValue> awsHeaders() {
        java.util.Map<String, software.amazon.eventstream.HeaderValue> headers = new java.util.LinkedHashMap<>();
        headers.put(":message-type", software.amazon.eventstream.HeaderValue.fromString("event"));
        headers.put(eventTypeHeader, software.amazon.eventstream.HeaderValue.fromString(eventType));
        headers.put(":content-type", software.amazon.eventstream.HeaderValue.fromString(contentType));
        return headers;
    }

    private static byte[] audio(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] transcript() {
        StringBuilder items = new StringBuilder();
        String[] words = {"Welcome", "to", "the", "riffle", "benchmark", "of", "streaming", "speech"};
        double t = 1.0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                items.append(',');
            }
            items.append(String.format(java.util.Locale.ROOT, "{\"StartTime\":%.3f,\"EndTime\":%.3f,"
                    + "\"Type\":\"pronunciation\",\"Content\":\"%s\",\"VocabularyFilterMatch\":false,"
                    + "\"Confidence\":0.9876,\"Stable\":true}", t, t + 0.31, words[i]));
            t += 0.35;
        }
        String json = "{\"Transcript\":{\"Results\":[{\"ResultId\":\"4f7e1a2b-1c3d-4e5f-8a9b-0c1d2e3f4a5b\","
                + "\"StartTime\":1.0,\"EndTime\":" + t + ",\"IsPartial\":true,\"Alternatives\":[{\"Transcript\":"
                + "\"Welcome to the riffle benchmark of streaming speech\",\"Items\":[" + items + "]}]}]}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
