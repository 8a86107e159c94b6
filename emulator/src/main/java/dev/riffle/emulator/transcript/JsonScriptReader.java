package dev.riffle.emulator.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.PiiEntityType;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a timed script ({@code .json}) into a {@link TimedScript}, strictly: a member the format does not define is
 * an error rather than ignored, so that a misspelt {@code "strat"} does not silently lose a timing. Every error
 * names the file, the line and column, the member's path ({@code segments[2].words[5].end}) and the problem.
 *
 * <p>The format (version 1), described for authors in {@code emulator/SCRIPTS.md}:
 * <pre>{@code
 * {
 *   "version": 1,                               optional; 1 is the only version
 *   "segments": [                               required; may be empty
 *     {
 *       "start": 0.5, "end": 2.25,              optional seconds; default: first word's start, last word's end
 *       "speaker": "0",                         optional label for ShowSpeakerLabel; default "0"
 *       "channel": "ch_0",                      optional, "ch_0" or "ch_1"; default "ch_0"
 *       "language": "en-US",                    optional code for language identification
 *       "words": [                              required, at least one, in time order, not overlapping
 *         {"text": "Hello", "start": 0.5, "end": 0.9, "confidence": 0.97},
 *         {"text": "world.", "start": 1.0, "end": 1.5}      trailing . , ? ! ; : become punctuation items
 *       ],
 *       "entities": [                           optional PII, in order, not overlapping
 *         {"type": "NAME", "firstWord": 1, "lastWord": 1, "confidence": 0.98}
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 * Segments on one channel must be in time order and must not overlap.
 */
final class JsonScriptReader {

    /** The one version of the format. */
    static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A value read with where it was written, for errors found once its neighbours are known. */
    private record Located<T>(T value, JsonLocation location, String path) {
    }

    /** Reads one value, the parser standing on its first token. */
    private interface ValueReader<T> {
        T read() throws IOException;
    }

    private final String source;
    private final JsonParser parser;

    private JsonScriptReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /**
     * The script in the UTF-8 JSON {@code bytes}.
     *
     * @throws ScriptFormatException if it is not JSON, or not a script
     */
    static TimedScript read(String source, byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonScriptReader reader = new JsonScriptReader(source, parser);
            try {
                return reader.readDocument();
            } catch (JsonProcessingException notJson) {
                throw reader.notJson(notJson);
            }
        } catch (CharConversionException notText) {
            // Jackson guesses UTF-16 or UTF-32 from the first bytes and fails on bytes that are neither.
            throw new ScriptFormatException(source, 0, 0, null,
                    "not JSON text (save the script as UTF-8): " + notText.getMessage());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // the input is in memory
        }
    }

    // ---- the document ----

    private TimedScript readDocument() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw fail("a script must be a JSON object with \"segments\"");
        }
        JsonLocation start = parser.currentTokenLocation();
        List<Located<ScriptSegment>> segments = null;
        while (nextMember()) {
            switch (parser.currentName()) {
                case "version" -> checkVersion();
                case "segments" -> segments = readArray(() -> readLocated(this::readSegment));
                default -> throw unknownMember("version, segments");
            }
        }
        if (segments == null) {
            throw failAt(start, "", "\"segments\" is missing (an empty list is allowed)");
        }
        if (parser.nextToken() != null) {
            throw fail("there is more after the script's closing brace");
        }
        checkChannelsInOrder(segments);
        return new TimedScript(source, segments.stream().map(Located::value).toList());
    }

    private void checkVersion() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != FORMAT_VERSION) {
            throw fail("the only version of the format is " + FORMAT_VERSION + ", not " + parser.getText());
        }
    }

    /** Segments on one channel play one after the other: a channel has one open segment at a time. */
    private void checkChannelsInOrder(List<Located<ScriptSegment>> segments) {
        Map<ChannelLabel, Located<ScriptSegment>> previous = new EnumMap<>(ChannelLabel.class);
        for (Located<ScriptSegment> segment : segments) {
            ChannelLabel channel = segment.value().channel();
            Located<ScriptSegment> before = previous.put(channel, segment);
            if (before != null && segment.value().start() < before.value().end()) {
                throw failAt(segment.location(), segment.path(), "the segment starts at "
                        + segment.value().start() + " s, before " + before.path() + ", the previous segment on "
                        + channel.wireValue() + ", ends (" + before.value().end() + " s)");
            }
        }
    }

    // ---- segments ----

    private ScriptSegment readSegment() throws IOException {
        expectObject("a segment");
        JsonLocation at = parser.currentTokenLocation();
        String path = path();
        Double start = null;
        Double end = null;
        String speaker = null;
        ChannelLabel channel = ChannelLabel.CH_0;
        LanguageCode language = null;
        List<TimedWord> words = null;
        List<Located<ScriptEntity>> entities = List.of();
        while (nextMember()) {
            switch (parser.currentName()) {
                case "start" -> start = seconds();
                case "end" -> end = seconds();
                case "speaker" -> speaker = nonBlankText();
                case "channel" -> channel = channel();
                case "language" -> language = language();
                case "words" -> words = readWords();
                case "entities" -> entities = readArray(() -> readLocated(this::readEntity));
                default -> throw unknownMember("start, end, speaker, channel, language, words, entities");
            }
        }
        if (words == null || words.isEmpty()) {
            throw failAt(at, path, "a segment needs \"words\", at least one");
        }
        double first = words.get(0).start();
        double last = words.get(words.size() - 1).end();
        if (start != null && start > first) {
            throw failAt(at, path, "the segment starts at " + start + " s, after its first word (" + first + " s)");
        }
        if (end != null && end < last) {
            throw failAt(at, path, "the segment ends at " + end + " s, before its last word (" + last + " s)");
        }
        checkEntities(entities, words.size());
        return new ScriptSegment(start == null ? first : start, end == null ? last : end, speaker, channel,
                language, words, entities.stream().map(Located::value).toList());
    }

    private ChannelLabel channel() throws IOException {
        String label = text();
        return ChannelLabel.find(label)
                .orElseThrow(() -> fail("the channel must be \"ch_0\" or \"ch_1\", not \"" + label + "\""));
    }

    private LanguageCode language() throws IOException {
        String code = text();
        return LanguageCode.find(code)
                .orElseThrow(() -> fail("\"" + code + "\" is not a language code of the service, such as en-US"));
    }

    // ---- words ----

    private List<TimedWord> readWords() throws IOException {
        List<Located<TimedWord>> words = readArray(() -> readLocated(this::readWord));
        for (int i = 1; i < words.size(); i++) {
            TimedWord before = words.get(i - 1).value();
            Located<TimedWord> word = words.get(i);
            if (word.value().start() < before.end()) {
                throw failAt(word.location(), word.path(), "the word starts at " + word.value().start()
                        + " s, before the word before it ends (" + before.end() + " s)");
            }
        }
        return words.stream().map(Located::value).toList();
    }

    private TimedWord readWord() throws IOException {
        expectObject("a word");
        JsonLocation at = parser.currentTokenLocation();
        String path = path();
        Located<String> text = null;
        Double start = null;
        Double end = null;
        double confidence = ScriptWord.DEFAULT_CONFIDENCE;
        while (nextMember()) {
            switch (parser.currentName()) {
                case "text" -> text = located(wordText());
                case "start" -> start = seconds();
                case "end" -> end = seconds();
                case "confidence" -> confidence = confidence();
                default -> throw unknownMember("text, start, end, confidence");
            }
        }
        if (text == null || start == null || end == null) {
            throw failAt(at, path, "a word needs \"text\", \"start\" and \"end\"");
        }
        if (end < start) {
            throw failAt(at, path, "the word ends at " + end + " s, before it starts (" + start + " s)");
        }
        Located<String> written = text;
        ScriptWord word = ScriptWord.split(written.value(), confidence).orElseThrow(() -> failAt(
                written.location(), written.path(), "\"" + written.value() + "\" has nothing to speak;"
                        + " punctuation goes at the end of a word, as in \"world.\""));
        return new TimedWord(word, start, end);
    }

    private String wordText() throws IOException {
        String text = nonBlankText();
        if (text.codePoints().anyMatch(Character::isWhitespace)) {
            throw fail("\"" + text + "\" is more than one word: give each word its own entry and times");
        }
        return text;
    }

    // ---- entities ----

    private ScriptEntity readEntity() throws IOException {
        expectObject("an entity");
        JsonLocation at = parser.currentTokenLocation();
        String path = path();
        PiiEntityType type = null;
        Integer firstWord = null;
        Integer lastWord = null;
        double confidence = ScriptEntity.DEFAULT_CONFIDENCE;
        while (nextMember()) {
            switch (parser.currentName()) {
                case "type" -> type = piiType();
                case "firstWord" -> firstWord = wordIndex();
                case "lastWord" -> lastWord = wordIndex();
                case "confidence" -> confidence = confidence();
                default -> throw unknownMember("type, firstWord, lastWord, confidence");
            }
        }
        if (type == null || firstWord == null) {
            throw failAt(at, path, "an entity needs \"type\" and \"firstWord\"");
        }
        int last = lastWord == null ? firstWord : lastWord;
        if (last < firstWord) {
            throw failAt(at, path, "lastWord " + last + " is before firstWord " + firstWord);
        }
        return new ScriptEntity(type, firstWord, last, confidence);
    }

    private PiiEntityType piiType() throws IOException {
        String name = text();
        PiiEntityType type = PiiEntityType.find(name).orElseThrow(() -> fail("\"" + name
                + "\" is not a PII entity type; the types are " + PiiEntityType.wireValues()));
        if (type == PiiEntityType.ALL) {
            throw fail("ALL is a request's filter, not a type of entity: name the type, such as NAME");
        }
        return type;
    }

    private void checkEntities(List<Located<ScriptEntity>> entities, int wordCount) {
        int coveredUpTo = -1;
        for (Located<ScriptEntity> entity : entities) {
            if (entity.value().lastWord() >= wordCount) {
                throw failAt(entity.location(), entity.path(), "the entity covers word " + entity.value().lastWord()
                        + ", but the segment's words go from 0 to " + (wordCount - 1));
            }
            if (entity.value().firstWord() <= coveredUpTo) {
                throw failAt(entity.location(), entity.path(), "the entity starts at word "
                        + entity.value().firstWord() + ", inside or before the entity before it");
            }
            coveredUpTo = entity.value().lastWord();
        }
    }

    // ---- values ----

    private double seconds() throws IOException {
        double seconds = number();
        if (!Double.isFinite(seconds)) {
            // A number past Double.MAX_VALUE (1e309) reads as Infinity, a time no audio ever reaches.
            throw fail("a time must be a finite number of seconds, not " + parser.getText());
        }
        if (seconds < 0) {
            throw fail("a time cannot be negative: " + parser.getText() + " s");
        }
        return seconds;
    }

    private double confidence() throws IOException {
        double confidence = number();
        if (confidence < 0 || confidence > 1) {
            throw fail("a confidence goes from 0 to 1, not " + parser.getText());
        }
        return confidence;
    }

    private int wordIndex() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getValueAsLong(-1) < 0
                || parser.getValueAsLong(-1) > Integer.MAX_VALUE) {
            throw fail("a word index is a whole number from 0, not " + parser.getText());
        }
        return parser.getIntValue();
    }

    private double number() throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw fail("must be a number, not " + describeCurrent());
        }
        return parser.getDoubleValue();
    }

    private String nonBlankText() throws IOException {
        String text = text();
        if (text.isBlank()) {
            throw fail("must not be empty");
        }
        return text;
    }

    private String text() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw fail("must be a string, not " + describeCurrent());
        }
        return parser.getText();
    }

    // ---- structure ----

    private <T> List<T> readArray(ValueReader<T> element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fail("must be a list [...], not " + describeCurrent());
        }
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read());
        }
        return values;
    }

    private void expectObject(String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(what + " must be an object {...}, not " + describeCurrent());
        }
    }

    /** Moves to the next member's value; false at the end of the object. */
    private boolean nextMember() throws IOException {
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return false;
        }
        parser.nextToken();
        return true;
    }

    /** The value {@code reader} reads, with where it starts. */
    private <T> Located<T> readLocated(ValueReader<T> reader) throws IOException {
        JsonLocation location = parser.currentTokenLocation();
        String path = path();
        return new Located<>(reader.read(), location, path);
    }

    /** A scalar value just read, with where it stands. */
    private <T> Located<T> located(T value) {
        return new Located<>(value, parser.currentTokenLocation(), path());
    }

    private String describeCurrent() throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
            default -> parser.getText();
        };
    }

    // ---- errors ----

    private ScriptFormatException unknownMember(String known) throws IOException {
        return fail("\"" + parser.currentName() + "\" is not a member here; the members are " + known);
    }

    private ScriptFormatException fail(String problem) {
        return failAt(parser.currentTokenLocation(), path(), problem);
    }

    private ScriptFormatException failAt(JsonLocation location, String path, String problem) {
        return new ScriptFormatException(source, location.getLineNr(), location.getColumnNr(), path, problem);
    }

    private ScriptFormatException notJson(JsonProcessingException error) {
        JsonLocation location = error.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new ScriptFormatException(source, line, column, path(), "not valid JSON: " + error.getOriginalMessage());
    }

    /** Where the parser stands, as {@code segments[2].words[5].end}. */
    private String path() {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                steps.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                steps.add(0, "." + context.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
