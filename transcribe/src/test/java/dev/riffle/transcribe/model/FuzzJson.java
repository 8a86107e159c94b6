package dev.riffle.transcribe.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes JSON text for the payload fuzz tests from the fuzzer's choices. Random bytes are almost never JSON, let
 * alone JSON of the service's shape, so a raw harness stops at the tokenizer. This writer follows a
 * {@link Shape} (the members the parser looks for) and lets the fuzzer pick, member by member, a value of the
 * right type, one of any other type, {@code null}, an unknown member beside it, duplicates, odd numbers (huge
 * exponents, long digit runs, signs, leading zeros) and strings (escapes, lone surrogates, raw control bytes).
 * It can then cut the text short or splice fuzzer bytes into it, so that the fuzzer also reaches the parser's
 * handling of damage deep inside a well-formed document.
 */
public final class FuzzJson {

    /** What the parser expects at one place of the document. */
    public sealed interface Shape permits Text, Number, Bool, Obj, Arr {
    }

    /** A JSON string. */
    public record Text() implements Shape {
    }

    /** A JSON number. */
    public record Number() implements Shape {
    }

    /** A JSON boolean. */
    public record Bool() implements Shape {
    }

    /** An object with these members, in the order the service writes them. */
    public record Obj(Map<String, Shape> members) implements Shape {
    }

    /** An array of {@code element}s. */
    public record Arr(Shape element) implements Shape {
    }

    private static final Shape TEXT = new Text();
    private static final Shape NUMBER = new Number();
    private static final Shape BOOL = new Bool();

    private static final Shape ITEM = obj("StartTime", NUMBER, "EndTime", NUMBER, "Type", TEXT, "Content", TEXT,
            "VocabularyFilterMatch", BOOL, "Speaker", TEXT, "Confidence", NUMBER, "Stable", BOOL);
    private static final Shape ENTITY = obj("StartTime", NUMBER, "EndTime", NUMBER, "Category", TEXT, "Type", TEXT,
            "Content", TEXT, "Confidence", NUMBER);
    private static final Shape ALTERNATIVE = obj("Transcript", TEXT, "Items", arr(ITEM), "Entities", arr(ENTITY));
    private static final Shape RESULT = obj("ResultId", TEXT, "StartTime", NUMBER, "EndTime", NUMBER,
            "IsPartial", BOOL, "ChannelId", TEXT, "LanguageCode", TEXT,
            "LanguageIdentification", arr(obj("LanguageCode", TEXT, "Score", NUMBER)),
            "Alternatives", arr(ALTERNATIVE));

    /** A TranscriptEvent payload (spec section 3.4), every member the reader knows. */
    public static final Shape TRANSCRIPT_EVENT = obj("Transcript", obj("Results", arr(RESULT)));

    /** An error body: the message in both spellings and the restJson1 type members. */
    public static final Shape ERROR_BODY = obj("__type", TEXT, "code", TEXT, "Message", TEXT, "message", TEXT);

    /** Deeper than any shape of the model, shallow enough that one input stays small. */
    private static final int MAX_ANY_DEPTH = 6;
    private static final String[] UNKNOWN_NAMES = {"Future", "", "Transcript", "Results", "\u00e9", "a\"b"};

    private final FuzzedDataProvider data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private FuzzJson(FuzzedDataProvider data) {
        this.data = data;
    }

    /** An object shape from name/shape pairs. */
    private static Obj obj(Object... namesAndShapes) {
        Map<String, Shape> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            members.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return new Obj(members);
    }

    private static Arr arr(Shape element) {
        return new Arr(element);
    }

    /**
     * A payload as the fuzzer picks: a quarter built to {@code shape}, a quarter a recorded payload mutated, the
     * other half raw bytes.
     */
    public static byte[] payload(FuzzedDataProvider data, Shape shape, java.util.List<byte[]> recorded) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> document(data, shape);
            case 1 -> mutated(data, recorded.get(data.consumeInt(0, recorded.size() - 1)));
            default -> data.consumeRemainingAsBytes();
        };
    }

    /** A document of roughly {@code shape}, then possibly cut short or spliced with fuzzer bytes. */
    public static byte[] document(FuzzedDataProvider data, Shape shape) {
        FuzzJson json = new FuzzJson(data);
        json.value(shape);
        return json.damaged(json.out.toByteArray());
    }

    /** {@code valid} with up to four spans replaced by fuzzer bytes, or cut short. */
    public static byte[] mutated(FuzzedDataProvider data, byte[] valid) {
        FuzzJson json = new FuzzJson(data);
        byte[] text = valid;
        int splices = data.consumeInt(0, 4);
        for (int i = 0; i < splices; i++) {
            text = json.spliced(text);
        }
        return data.consumeInt(0, 7) == 0 ? json.cut(text) : text;
    }

    private byte[] damaged(byte[] text) {
        return switch (data.consumeInt(0, 7)) {
            case 0 -> cut(text);
            case 1 -> spliced(text);
            default -> text;
        };
    }

    private byte[] cut(byte[] text) {
        int length = data.consumeInt(0, text.length);
        return Arrays.copyOf(text, length);
    }

    private byte[] spliced(byte[] text) {
        int at = data.consumeInt(0, text.length);
        int removed = data.consumeInt(0, text.length - at);
        byte[] inserted = data.consumeBytes(data.consumeInt(0, 16));
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(text, 0, at);
        spliced.writeBytes(inserted);
        spliced.write(text, at + removed, text.length - at - removed);
        return spliced.toByteArray();
    }

    /** Mostly a value of {@code shape}; now and then null or a value of any type. */
    private void value(Shape shape) {
        switch (data.consumeInt(0, 11)) {
            case 0 -> ascii("null");
            case 1 -> anyValue(0);
            default -> typed(shape);
        }
    }

    private void typed(Shape shape) {
        if (shape instanceof Obj object) {
            object(object);
        } else if (shape instanceof Arr array) {
            array(array);
        } else if (shape instanceof Number) {
            number();
        } else if (shape instanceof Bool) {
            ascii(data.consumeBoolean() ? "true" : "false");
        } else {
            string();
        }
    }

    private void object(Obj shape) {
        ascii("{");
        boolean first = true;
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            if (data.consumeInt(0, 7) == 0) {
                first = separate(first);
                name(UNKNOWN_NAMES[data.consumeInt(0, UNKNOWN_NAMES.length - 1)]);
                anyValue(1);
            }
            int copies = data.consumeInt(0, 5) == 0 ? 2 : data.consumeBoolean() ? 1 : 0;
            for (int i = 0; i < copies; i++) {
                first = separate(first);
                name(member.getKey());
                value(member.getValue());
            }
        }
        ascii("}");
    }

    private void array(Arr shape) {
        ascii("[");
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ascii(",");
            }
            value(shape.element());
        }
        ascii("]");
    }

    /** Any JSON value, nested to a small depth. */
    private void anyValue(int depth) {
        int kinds = depth >= MAX_ANY_DEPTH ? 4 : 6;
        switch (data.consumeInt(0, kinds - 1)) {
            case 0 -> ascii("null");
            case 1 -> ascii(data.consumeBoolean() ? "true" : "false");
            case 2 -> number();
            case 3 -> string();
            case 4 -> {
                ascii("[");
                int count = data.consumeInt(0, 3);
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        ascii(",");
                    }
                    anyValue(depth + 1);
                }
                ascii("]");
            }
            default -> {
                ascii("{");
                int count = data.consumeInt(0, 3);
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        ascii(",");
                    }
                    name(data.consumeString(8));
                    anyValue(depth + 1);
                }
                ascii("}");
            }
        }
    }

    private boolean separate(boolean first) {
        if (!first) {
            ascii(",");
        }
        return false;
    }

    private void name(String name) {
        quoted(name);
        ascii(":");
    }

    /** A number in one of the forms that stress a number parser, valid JSON or not. */
    private void number() {
        switch (data.consumeInt(0, 6)) {
            case 0 -> ascii(Long.toString(data.consumeLong()));
            case 1 -> ascii(Double.toString(data.consumeDouble()));
            case 2 -> ascii(data.consumeInt(0, 2) + "." + data.consumeInt(0, 99_999));
            case 3 -> ascii(digits(data.consumeInt(1, 40)) + "e" + data.consumeInt(-400, 400));
            case 4 -> ascii((data.consumeBoolean() ? "-" : "") + digits(data.consumeInt(1, 1_200))
                    + (data.consumeBoolean() ? "." + digits(data.consumeInt(1, 30)) : ""));
            case 5 -> ascii(data.consumeAsciiString(12));
            default -> ascii((data.consumeBoolean() ? "-" : "") + data.consumeInt(0, 9) + "e"
                    + (data.consumeBoolean() ? "+" : "-") + data.consumeInt(0, Integer.MAX_VALUE));
        }
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        byte[] source = data.consumeBytes(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + (i < source.length ? (source[i] & 0xFF) % 10 : 1)));
        }
        return digits.toString();
    }

    /** A string: escaped fuzzer text, or raw fuzzer bytes between quotes (bad UTF-8, control bytes, escapes). */
    private void string() {
        if (data.consumeInt(0, 3) == 0) {
            ascii("\"");
            out.writeBytes(data.consumeBytes(data.consumeInt(0, 24)));
            ascii("\"");
        } else {
            quoted(data.consumeString(40));
        }
    }

    private void quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                // Surrogates are escaped so that a lone one reaches the parser rather than the UTF-8 encoder.
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        out.writeBytes(quoted.append('"').toString().getBytes(StandardCharsets.UTF_8));
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
