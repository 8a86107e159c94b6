package dev.riffle.transcribe.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads and writes the JSON payload of a {@code TranscriptEvent} message (spec section 3.4) with jackson-core's
 * streaming API.
 *
 * <p>Reading is lenient where the service may evolve and strict where it may not: unknown members are ignored at
 * every level, missing members take the model's defaults (booleans false, doubles 0, lists empty, the rest
 * absent), JSON {@code null} counts as missing; a member of the wrong type, or a number beyond the range of a
 * double (such as {@code 1e999}), fails with a {@link MalformedPayloadException}.
 *
 * <p>Writing produces the service's shape: members in the order of the spec's example, absent members omitted.
 * {@code Results}, {@code Alternatives} and {@code Items} are always written, even empty (clients test
 * {@code Results.length}); {@code LanguageIdentification} and {@code Entities} only when not empty, as the service
 * sends them only with the feature that fills them.
 */
public final class TranscriptEventJson {

    private static final String KIND = "TranscriptEvent";

    private static final String TRANSCRIPT = "Transcript";
    private static final String RESULTS = "Results";
    private static final String RESULT_ID = "ResultId";
    private static final String START_TIME = "StartTime";
    private static final String END_TIME = "EndTime";
    private static final String IS_PARTIAL = "IsPartial";
    private static final String CHANNEL_ID = "ChannelId";
    private static final String LANGUAGE_CODE = "LanguageCode";
    private static final String LANGUAGE_IDENTIFICATION = "LanguageIdentification";
    private static final String SCORE = "Score";
    private static final String ALTERNATIVES = "Alternatives";
    private static final String ITEMS = "Items";
    private static final String ENTITIES = "Entities";
    private static final String TYPE = "Type";
    private static final String CONTENT = "Content";
    private static final String VOCABULARY_FILTER_MATCH = "VocabularyFilterMatch";
    private static final String SPEAKER = "Speaker";
    private static final String CONFIDENCE = "Confidence";
    private static final String STABLE = "Stable";
    private static final String CATEGORY = "Category";

    private TranscriptEventJson() {
    }

    /** The event in {@code length} bytes of {@code bytes} from {@code offset}. */
    public static TranscriptEvent parse(byte[] bytes, int offset, int length) {
        return PayloadReader.readDocument(() -> Json.parser(bytes, offset, length), KIND,
                TranscriptEventJson::readEvent);
    }

    /** The event in the buffer's remaining bytes (heap or direct); the buffer's position is not moved. */
    public static TranscriptEvent parse(ByteBuffer payload) {
        return PayloadReader.readDocument(() -> Json.parser(payload), KIND, TranscriptEventJson::readEvent);
    }

    /** Writes the event's JSON to {@code out}, which is flushed and left open. */
    public static void write(TranscriptEvent event, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            writeEvent(json, event);
        }
    }

    /** The event's JSON as UTF-8 bytes. */
    public static byte[] toBytes(TranscriptEvent event) {
        return Json.toBytes(256, json -> writeEvent(json, event));
    }

    // ---- reading ----

    private static TranscriptEvent readEvent(PayloadReader in) throws IOException {
        Transcript transcript = null;
        while (in.nextMember()) {
            if (in.memberName().equals(TRANSCRIPT)) {
                transcript = in.object(TranscriptEventJson::readTranscript);
            } else {
                in.skip();
            }
        }
        return new TranscriptEvent(transcript);
    }

    private static Transcript readTranscript(PayloadReader in) throws IOException {
        List<Result> results = List.of();
        while (in.nextMember()) {
            if (in.memberName().equals(RESULTS)) {
                results = in.objects(TranscriptEventJson::readResult);
            } else {
                in.skip();
            }
        }
        return new Transcript(results);
    }

    private static Result readResult(PayloadReader in) throws IOException {
        String resultId = null;
        double startTime = 0;
        double endTime = 0;
        boolean isPartial = false;
        String channelId = null;
        String languageCode = null;
        List<LanguageWithScore> languages = List.of();
        List<Alternative> alternatives = List.of();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case RESULT_ID -> resultId = in.text();
                case START_TIME -> startTime = in.numberOrZero();
                case END_TIME -> endTime = in.numberOrZero();
                case IS_PARTIAL -> isPartial = in.boolOrFalse();
                case CHANNEL_ID -> channelId = in.text();
                case LANGUAGE_CODE -> languageCode = in.text();
                case LANGUAGE_IDENTIFICATION -> languages = in.objects(TranscriptEventJson::readLanguageWithScore);
                case ALTERNATIVES -> alternatives = in.objects(TranscriptEventJson::readAlternative);
                default -> in.skip();
            }
        }
        return new Result(resultId, startTime, endTime, isPartial, channelId, languageCode, languages, alternatives);
    }

    private static LanguageWithScore readLanguageWithScore(PayloadReader in) throws IOException {
        String languageCode = null;
        double score = 0;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case LANGUAGE_CODE -> languageCode = in.text();
                case SCORE -> score = in.numberOrZero();
                default -> in.skip();
            }
        }
        return new LanguageWithScore(languageCode, score);
    }

    private static Alternative readAlternative(PayloadReader in) throws IOException {
        String transcript = null;
        List<Item> items = List.of();
        List<Entity> entities = List.of();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case TRANSCRIPT -> transcript = in.text();
                case ITEMS -> items = in.objects(TranscriptEventJson::readItem);
                case ENTITIES -> entities = in.objects(TranscriptEventJson::readEntity);
                default -> in.skip();
            }
        }
        return new Alternative(transcript, items, entities);
    }

    private static Item readItem(PayloadReader in) throws IOException {
        double startTime = 0;
        double endTime = 0;
        String type = null;
        String content = null;
        boolean vocabularyFilterMatch = false;
        String speaker = null;
        Double confidence = null;
        Boolean stable = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case START_TIME -> startTime = in.numberOrZero();
                case END_TIME -> endTime = in.numberOrZero();
                case TYPE -> type = in.text();
                case CONTENT -> content = in.text();
                case VOCABULARY_FILTER_MATCH -> vocabularyFilterMatch = in.boolOrFalse();
                case SPEAKER -> speaker = in.text();
                case CONFIDENCE -> confidence = in.number();
                case STABLE -> stable = in.bool();
                default -> in.skip();
            }
        }
        return new Item(startTime, endTime, type, content, vocabularyFilterMatch, speaker, confidence, stable);
    }

    private static Entity readEntity(PayloadReader in) throws IOException {
        double startTime = 0;
        double endTime = 0;
        String category = null;
        String type = null;
        String content = null;
        Double confidence = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case START_TIME -> startTime = in.numberOrZero();
                case END_TIME -> endTime = in.numberOrZero();
                case CATEGORY -> category = in.text();
                case TYPE -> type = in.text();
                case CONTENT -> content = in.text();
                case CONFIDENCE -> confidence = in.number();
                default -> in.skip();
            }
        }
        return new Entity(startTime, endTime, category, type, content, confidence);
    }

    // ---- writing ----

    private static void writeEvent(JsonGenerator out, TranscriptEvent event) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart(TRANSCRIPT);
        out.writeArrayFieldStart(RESULTS);
        for (Result result : event.transcript().results()) {
            writeResult(out, result);
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeResult(JsonGenerator out, Result result) throws IOException {
        out.writeStartObject();
        writeText(out, RESULT_ID, result.resultId());
        out.writeNumberField(START_TIME, result.startTime());
        out.writeNumberField(END_TIME, result.endTime());
        out.writeBooleanField(IS_PARTIAL, result.isPartial());
        writeText(out, CHANNEL_ID, result.channelId());
        writeText(out, LANGUAGE_CODE, result.languageCode());
        if (!result.languageIdentification().isEmpty()) {
            out.writeArrayFieldStart(LANGUAGE_IDENTIFICATION);
            for (LanguageWithScore language : result.languageIdentification()) {
                out.writeStartObject();
                writeText(out, LANGUAGE_CODE, language.languageCode());
                out.writeNumberField(SCORE, language.score());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeArrayFieldStart(ALTERNATIVES);
        for (Alternative alternative : result.alternatives()) {
            writeAlternative(out, alternative);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeAlternative(JsonGenerator out, Alternative alternative) throws IOException {
        out.writeStartObject();
        writeText(out, TRANSCRIPT, alternative.transcript());
        out.writeArrayFieldStart(ITEMS);
        for (Item item : alternative.items()) {
            writeItem(out, item);
        }
        out.writeEndArray();
        if (!alternative.entities().isEmpty()) {
            out.writeArrayFieldStart(ENTITIES);
            for (Entity entity : alternative.entities()) {
                writeEntity(out, entity);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void writeItem(JsonGenerator out, Item item) throws IOException {
        out.writeStartObject();
        out.writeNumberField(START_TIME, item.startTime());
        out.writeNumberField(END_TIME, item.endTime());
        writeText(out, TYPE, item.type());
        writeText(out, CONTENT, item.content());
        out.writeBooleanField(VOCABULARY_FILTER_MATCH, item.vocabularyFilterMatch());
        writeText(out, SPEAKER, item.speaker());
        if (item.confidence() != null) {
            out.writeNumberField(CONFIDENCE, item.confidence());
        }
        if (item.stable() != null) {
            out.writeBooleanField(STABLE, item.stable());
        }
        out.writeEndObject();
    }

    private static void writeEntity(JsonGenerator out, Entity entity) throws IOException {
        out.writeStartObject();
        out.writeNumberField(START_TIME, entity.startTime());
        out.writeNumberField(END_TIME, entity.endTime());
        writeText(out, CATEGORY, entity.category());
        writeText(out, TYPE, entity.type());
        writeText(out, CONTENT, entity.content());
        if (entity.confidence() != null) {
            out.writeNumberField(CONFIDENCE, entity.confidence());
        }
        out.writeEndObject();
    }

    /** Absent (null) members are omitted, as the service omits them. */
    private static void writeText(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

}
