package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TranscriptEvent payloads: the spec's example, a partial/final pair, defaults, leniency, failures, round trips. */
class TranscriptEventJsonTest {

    /** The spec's example (section 3.4) written the way the service writes it: compact, in the example's order. */
    private static final String SPEC_EXAMPLE_COMPACT = "{\"Transcript\":{\"Results\":[{"
            + "\"ResultId\":\"string (segment id; identical across all partials of a segment and its final)\","
            + "\"StartTime\":1.65,\"EndTime\":4.165,\"IsPartial\":true,\"ChannelId\":\"ch_0\","
            + "\"LanguageCode\":\"en-US\","
            + "\"LanguageIdentification\":[{\"LanguageCode\":\"en-US\",\"Score\":0.97}],"
            + "\"Alternatives\":[{\"Transcript\":\"Welcome to Amazon.\",\"Items\":[{\"StartTime\":1.65,"
            + "\"EndTime\":2.4225,\"Type\":\"pronunciation\",\"Content\":\"Welcome\",\"VocabularyFilterMatch\":false,"
            + "\"Speaker\":\"0\",\"Confidence\":0.99,\"Stable\":true}],\"Entities\":[{\"StartTime\":0.0,"
            + "\"EndTime\":0.0,\"Category\":\"PII\",\"Type\":\"NAME\",\"Content\":\"…\",\"Confidence\":0.99}]}]}]}}";

    static byte[] resource(String name) {
        try (InputStream in = TranscriptEventJsonTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TranscriptEvent parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return TranscriptEventJson.parse(bytes, 0, bytes.length);
    }

    private static String json(TranscriptEvent event) {
        return new String(TranscriptEventJson.toBytes(event), StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryMemberOfTheSpecExample() {
        byte[] bytes = resource("spec-example-transcript-event.json");
        Result result = TranscriptEventJson.parse(bytes, 0, bytes.length).transcript().results().get(0);

        assertThat(result.resultId()).startsWith("string (segment id;");
        assertThat(result.startTime()).isEqualTo(1.65);
        assertThat(result.endTime()).isEqualTo(4.165);
        assertThat(result.isPartial()).isTrue();
        assertThat(result.channelId()).isEqualTo("ch_0");
        assertThat(result.languageCode()).isEqualTo("en-US");
        assertThat(result.languageIdentification()).containsExactly(new LanguageWithScore("en-US", 0.97));
        Alternative alternative = result.alternatives().get(0);
        assertThat(alternative.transcript()).isEqualTo("Welcome to Amazon.");
        assertThat(alternative.items()).containsExactly(
                new Item(1.65, 2.4225, "pronunciation", "Welcome", false, "0", 0.99, true));
        assertThat(alternative.entities()).containsExactly(new Entity(0.0, 0.0, "PII", "NAME", "…", 0.99));
    }

    @Test
    void writesTheSpecExampleBackInTheServicesShape() {
        byte[] bytes = resource("spec-example-transcript-event.json");

        assertThat(json(TranscriptEventJson.parse(bytes, 0, bytes.length))).isEqualTo(SPEC_EXAMPLE_COMPACT);
    }

    @Test
    void readsAPartialAndTheFinalOfTheSameSegment() {
        byte[] partialBytes = resource("partial-result.json");
        byte[] finalBytes = resource("final-result.json");
        Result partial = TranscriptEventJson.parse(partialBytes, 0, partialBytes.length).transcript().results().get(0);
        Result last = TranscriptEventJson.parse(finalBytes, 0, finalBytes.length).transcript().results().get(0);

        assertThat(partial.isPartial()).isTrue();
        assertThat(last.isPartial()).isFalse();
        assertThat(last.resultId()).isEqualTo(partial.resultId()).isEqualTo("7a5f3b0e-61d7-4f0b-9a47-2c3c2a1f8d11");
        assertThat(last.startTime()).isEqualTo(partial.startTime());
        assertThat(partial.alternatives().get(0).transcript()).isEqualTo("The Amazon is the law.");
        assertThat(last.alternatives().get(0).transcript()).isEqualTo("The Amazon is the largest.");
        assertThat(partial.alternatives().get(0).items()).extracting(Item::stable)
                .containsExactly(true, true, false, false, false, false);
        assertThat(last.alternatives().get(0).items().get(5).isPunctuation()).isTrue();
        assertThat(last.alternatives().get(0).items().get(4).confidence()).isEqualTo(0.93);
    }

    @Test
    void missingMembersTakeTheModelsDefaults() {
        Result result = parse("{\"Transcript\":{\"Results\":[{\"Alternatives\":[{\"Items\":[{}]}]}]}}")
                .transcript().results().get(0);

        assertThat(result).isEqualTo(new Result(null, 0, 0, false, null, null, List.of(),
                List.of(new Alternative(null, List.of(new Item(0, 0, null, null, false, null, null, null)),
                        List.of()))));
    }

    @Test
    void anEventWithoutResultsHasAnEmptyList() {
        assertThat(parse("{\"Transcript\":{\"Results\":[]}}").transcript().results()).isEmpty();
        assertThat(parse("{\"Transcript\":{}}").transcript().results()).isEmpty();
        assertThat(parse("{}").transcript().results()).isEmpty();
    }

    @Test
    void jsonNullIsAnAbsentMember() {
        TranscriptEvent event = parse("{\"Transcript\":{\"Results\":[{\"ResultId\":null,\"StartTime\":null,"
                + "\"IsPartial\":null,\"LanguageIdentification\":null,\"Alternatives\":[{\"Items\":[{"
                + "\"Confidence\":null,\"Stable\":null,\"Speaker\":null}],\"Entities\":null}]}]}}");

        assertThat(event).isEqualTo(parse("{\"Transcript\":{\"Results\":[{\"Alternatives\":[{\"Items\":[{}]}]}]}}"));
        assertThat(parse("{\"Transcript\":null}").transcript().results()).isEmpty();
    }

    @Test
    void unknownMembersAreIgnoredAtEveryLevel() {
        String unknown = "\"Future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"}";
        TranscriptEvent event = parse("{" + unknown + ",\"Transcript\":{" + unknown + ",\"Results\":[{" + unknown
                + ",\"ResultId\":\"r\",\"LanguageIdentification\":[{" + unknown + ",\"Score\":0.5}],"
                + "\"Alternatives\":[{" + unknown + ",\"Items\":[{" + unknown + ",\"Content\":\"hi\"}],"
                + "\"Entities\":[{" + unknown + ",\"Type\":\"NAME\"}]}]}],\"Extra\":[]},\"Tail\":true}");

        Result result = event.transcript().results().get(0);
        assertThat(result.resultId()).isEqualTo("r");
        assertThat(result.languageIdentification()).containsExactly(new LanguageWithScore(null, 0.5));
        assertThat(result.alternatives().get(0).items().get(0).content()).isEqualTo("hi");
        assertThat(result.alternatives().get(0).entities().get(0).type()).isEqualTo("NAME");
    }

    @Test
    void integersReadAsDoubles() {
        Item item = parse("{\"Transcript\":{\"Results\":[{\"Alternatives\":[{\"Items\":[{\"StartTime\":3,"
                + "\"Confidence\":1}]}]}]}}").transcript().results().get(0).alternatives().get(0).items().get(0);

        assertThat(item.startTime()).isEqualTo(3.0);
        assertThat(item.confidence()).isEqualTo(1.0);
    }

    @Test
    void aMemberOfTheWrongTypeIsReportedWithItsNameAndPosition() {
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":[{\"StartTime\":\"soon\"}]}}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Malformed TranscriptEvent payload: member StartTime: expected a number, found a string "
                        + "(line 1, column 40)");
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":{}}}"))
                .hasMessageStartingWith("Malformed TranscriptEvent payload: member Results: expected an array, "
                        + "found an object");
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":[{\"IsPartial\":\"true\"}]}}"))
                .hasMessageContaining("member IsPartial: expected a boolean, found a string");
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":[7]}}"))
                .hasMessageContaining("expected an object, found a number");
    }

    /** Found by TranscriptEventJsonFuzzTest: 1e999 read as infinity, which the writer wrote as "Infinity". */
    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefused() {
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":[{\"EndTime\":1e999}]}}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Malformed TranscriptEvent payload: member EndTime: the number 1e999 is beyond the range "
                        + "of a double (line 1, column 38)");
        assertThatThrownBy(() -> parse("{\"Transcript\":{\"Results\":[{\"Alternatives\":[{\"Items\":[{"
                + "\"Confidence\":-" + "9".repeat(400) + "}]}]}]}}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Malformed TranscriptEvent payload: member Confidence: the number -"
                        + "9".repeat(39) + "... is beyond the range of a double (line 1, column ");
    }

    @Test
    void aNumberBelowTheSmallestDoubleReadsAsZero() {
        assertThat(parse("{\"Transcript\":{\"Results\":[{\"StartTime\":1e-999}]}}").transcript().results().get(0)
                .startTime()).isZero();
    }

    @Test
    void textThatIsNotJsonIsReportedWithItsPosition() {
        assertThatThrownBy(() -> parse("{\"Transcript\": {\"Results\": [}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Malformed TranscriptEvent payload: Unexpected close marker '}'")
                .hasMessageEndingWith("(line 1, column 29)");
        assertThatThrownBy(() -> parse("{\"Transcript\":")).hasMessageContaining("end-of-input");
    }

    @Test
    void anEmptyPayloadOrOneThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parse("")).hasMessage("Malformed TranscriptEvent payload: it is empty");
        assertThatThrownBy(() -> parse("[]")).hasMessage(
                "Malformed TranscriptEvent payload: expected an object, found an array (line 1, column 1)");
        assertThatThrownBy(() -> parse("{} {}")).hasMessage(
                "Malformed TranscriptEvent payload: content follows the end of the object (line 1, column 4)");
    }

    @Test
    void readsOnlyTheGivenRangeOfAnArray() {
        byte[] framed = ("garbage{\"Transcript\":{\"Results\":[{\"ResultId\":\"x\"}]}}garbage")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(TranscriptEventJson.parse(framed, 7, framed.length - 14).transcript().results().get(0).resultId())
                .isEqualTo("x");
    }

    @Test
    void readsHeapDirectAndReadOnlyBuffersWithoutMovingThem() {
        byte[] bytes = resource("spec-example-transcript-event.json");
        TranscriptEvent expected = TranscriptEventJson.parse(bytes, 0, bytes.length);
        ByteBuffer padded = ByteBuffer.allocate(bytes.length + 10).position(5);
        padded.put(bytes).flip().position(5);
        ByteBuffer slice = padded.slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ByteBuffer readOnly = ByteBuffer.wrap(bytes).asReadOnlyBuffer();

        for (ByteBuffer buffer : List.of(padded, slice, direct, readOnly)) {
            int position = buffer.position();
            assertThat(TranscriptEventJson.parse(buffer)).isEqualTo(expected);
            assertThat(buffer.position()).isEqualTo(position);
        }
    }

    @Test
    void directBuffersReportMalformedPayloadsToo() {
        ByteBuffer direct = ByteBuffer.allocateDirect(16).put("{\"Transcript\":1}".getBytes(StandardCharsets.UTF_8))
                .flip();

        assertThatThrownBy(() -> TranscriptEventJson.parse(direct)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Malformed TranscriptEvent payload: member Transcript: expected an object");
    }

    @Test
    void absentOptionalMembersAreNotWritten() {
        TranscriptEvent event = new TranscriptEvent(new Transcript(List.of(new Result("r", 1, 2, true, null, null,
                null, List.of(new Alternative("hi", List.of(new Item(1, 2, "pronunciation", "hi", false, null, null,
                        null)), null))))));

        assertThat(json(event)).isEqualTo("{\"Transcript\":{\"Results\":[{\"ResultId\":\"r\",\"StartTime\":1.0,"
                + "\"EndTime\":2.0,\"IsPartial\":true,\"Alternatives\":[{\"Transcript\":\"hi\",\"Items\":[{"
                + "\"StartTime\":1.0,\"EndTime\":2.0,\"Type\":\"pronunciation\",\"Content\":\"hi\","
                + "\"VocabularyFilterMatch\":false}]}]}]}}");
    }

    @Test
    void anEmptyEventIsWrittenWithAnEmptyResultsArray() {
        assertThat(json(new TranscriptEvent(null))).isEqualTo("{\"Transcript\":{\"Results\":[]}}");
    }

    @Test
    void everyMemberRoundTrips() {
        TranscriptEvent event = new TranscriptEvent(new Transcript(List.of(
                new Result("a", 0.5, 1.25, false, "ch_1", "de-DE",
                        List.of(new LanguageWithScore("de-DE", 0.8), new LanguageWithScore("en-US", 0.2)),
                        List.of(new Alternative("Grüße, \"Anna\" \uD83D\uDC4B",
                                List.of(new Item(0.5, 0.9, "pronunciation", "Grüße", true, "spk_1", 0.75, true),
                                        new Item(0.9, 0.9, "punctuation", ",", false, null, null, false)),
                                List.of(new Entity(1.0, 1.25, "PII", "NAME", "[PII]", null))))),
                new Result("b", 2, 3, true, null, null, List.of(), List.of()))));

        assertThat(parse(json(event))).isEqualTo(event);
    }

    @Test
    void writingToAStreamLeavesItOpen() throws IOException {
        class CloseTracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        CloseTracking out = new CloseTracking();

        TranscriptEventJson.write(new TranscriptEvent(null), out);

        assertThat(out.closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"Transcript\":{\"Results\":[]}}");
    }

    @Test
    void listsAreImmutableAndNeverNull() {
        Alternative alternative = new Alternative(null, null, null);
        List<Item> items = new java.util.ArrayList<>();
        Transcript transcript = new Transcript(List.of());
        Alternative copied = new Alternative(null, items, null);
        items.add(new Item(0, 0, null, null, false, null, null, null));

        assertThat(alternative.items()).isEmpty();
        assertThat(alternative.entities()).isEmpty();
        assertThat(copied.items()).isEmpty();
        assertThatThrownBy(() -> transcript.results().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Result(null, 0, 0, false, null, null, null, null).alternatives()).isEmpty();
    }
}
