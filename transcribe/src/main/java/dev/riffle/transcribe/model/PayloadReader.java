package dev.riffle.transcribe.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON payload of a known kind ("TranscriptEvent") member by member, failing with a
 * {@link MalformedPayloadException} that names the kind, the member and the position.
 *
 * <p>A reader walks an object with {@link #nextMember()} and reads each value or {@link #skip()}s it: unknown
 * members are skipped whatever their shape, as the service adds members over time. A JSON {@code null} reads as
 * an absent member.
 */
final class PayloadReader {

    /** Opens the parser over a payload. */
    interface Source {
        JsonParser open() throws IOException;
    }

    /** Reads the members of one object, the reader standing on its start. */
    interface ObjectReader<T> {
        T read(PayloadReader reader) throws IOException;
    }

    /** The most characters of a value quoted in a message. */
    private static final int MAX_EXCERPT = 40;

    private final JsonParser parser;
    private final String kind;

    PayloadReader(JsonParser parser, String kind) {
        this.parser = parser;
        this.kind = kind;
    }

    /**
     * Reads a payload of {@code kind} that holds one object, read by {@code document}, and nothing after it.
     *
     * @throws MalformedPayloadException if the payload is empty, not JSON, or not of the model's shape
     */
    static <T> T readDocument(Source source, String kind, ObjectReader<T> document) {
        try (JsonParser parser = source.open()) {
            PayloadReader reader = new PayloadReader(parser, kind);
            reader.startDocument();
            T value = document.read(reader);
            reader.endDocument();
            return value;
        } catch (IOException notJson) {
            throw unreadable(kind, notJson);
        }
    }

    /** Moves to the document's first token, which must start an object. */
    private void startDocument() throws IOException {
        if (parser.nextToken() == null) {
            throw new MalformedPayloadException("Malformed " + kind + " payload: it is empty");
        }
        requireObject();
    }

    /** Fails unless the document has ended. */
    private void endDocument() throws IOException {
        if (parser.nextToken() != null) {
            throw malformed("content follows the end of the object");
        }
    }

    /** Fails unless the reader stands on the start of an object. */
    private void requireObject() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformed("expected an object, found " + describe(parser.currentToken()));
        }
    }

    /**
     * Moves past the next member's name to its value and returns true, or returns false at the end of the object.
     * The caller then reads the value or skips it.
     */
    boolean nextMember() throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            return false;
        }
        parser.nextToken();
        return true;
    }

    /** The name of the member whose value the reader stands on. */
    String memberName() throws IOException {
        return parser.currentName();
    }

    /** Skips the current value, however deep. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    /** The current value as a string; null for JSON null. */
    String text() throws IOException {
        if (isNull()) {
            return null;
        }
        require(parser.currentToken() == JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** The current value as a finite double; null for JSON null. */
    Double number() throws IOException {
        if (isNull()) {
            return null;
        }
        require(parser.currentToken().isNumeric(), "a number");
        double value = parser.getDoubleValue();
        // A literal beyond a double's range (1e999) reads as infinity: no time or score of the model, and a value
        // the writer could only write back as the string "Infinity", which no reader takes for a number.
        if (!Double.isFinite(value)) {
            throw malformed("the number " + excerpt(parser.getText()) + " is beyond the range of a double");
        }
        return value;
    }

    /** The current value as a double; {@code 0}, the model's default, for JSON null. */
    double numberOrZero() throws IOException {
        Double value = number();
        return value == null ? 0 : value;
    }

    /** The current value as a boolean; null for JSON null. */
    Boolean bool() {
        if (isNull()) {
            return null;
        }
        require(parser.currentToken().isBoolean(), "a boolean");
        return parser.currentToken() == JsonToken.VALUE_TRUE;
    }

    /** The current value as a boolean; {@code false}, the model's default, for JSON null. */
    boolean boolOrFalse() {
        return Boolean.TRUE.equals(bool());
    }

    /** The current value, an object, read by {@code members}; null for JSON null. */
    <T> T object(ObjectReader<T> members) throws IOException {
        if (isNull()) {
            return null;
        }
        requireObject();
        return members.read(this);
    }

    /**
     * The current value, an array of objects, each read by {@code members}; JSON null reads as an empty list and
     * null elements are dropped (lists of the model never hold nulls).
     */
    <T> List<T> objects(ObjectReader<T> members) throws IOException {
        if (isNull()) {
            return List.of();
        }
        require(parser.currentToken() == JsonToken.START_ARRAY, "an array");
        List<T> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            T element = object(members);
            if (element != null) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static MalformedPayloadException unreadable(String kind, IOException cause) {
        String problem = cause instanceof JsonProcessingException notJson
                ? notJson.getOriginalMessage() + at(notJson.getLocation()) : cause.toString();
        return new MalformedPayloadException("Malformed " + kind + " payload: " + problem, cause);
    }

    private boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    private void require(boolean holds, String expected) {
        if (!holds) {
            throw malformed("expected " + expected + ", found " + describe(parser.currentToken()));
        }
    }

    private MalformedPayloadException malformed(String problem) {
        String member = memberNameOrNull();
        return new MalformedPayloadException("Malformed " + kind + " payload: "
                + (member == null ? "" : "member " + member + ": ") + problem + at(parser.currentTokenLocation()));
    }

    /** The member whose value is current, also when the value starts an object or array; null in an array. */
    private String memberNameOrNull() {
        try {
            return parser.currentName();
        } catch (IOException unreachable) {
            return null; // jackson declares it, but only reads a name it already holds
        }
    }

    /** A value's text, shortened for a message: jackson allows numbers of up to a thousand digits. */
    private static String excerpt(String text) {
        return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
