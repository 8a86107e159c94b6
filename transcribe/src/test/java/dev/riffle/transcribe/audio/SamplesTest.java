package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The samples in /samples that generate.sh makes: their format and size, and transcripts whose times match the
 * audio: speech inside every word, digital silence between words, and in the stereo sample silence on the
 * channel that is not speaking.
 */
class SamplesTest {

    private static final int RATE = 16_000;
    private static final double MS = 0.001;

    private record Word(String text, double start, double end) {
    }

    private record Segment(double start, double end, String channel, String speaker, List<Word> words) {
    }

    private record Sample(String name, short[][] channels, List<Segment> segments, List<String> transcript) {
        double seconds() {
            return channels[0].length / (double) RATE;
        }
    }

    private static Sample load(String name) throws IOException {
        Path wav = Fixtures.sample(name + ".wav");
        assertThat(Files.size(wav)).as(name).isLessThan(1_000_000);
        try (AudioSource source = AudioSource.open(wav)) {
            assertThat(source.format().sampleRate()).isEqualTo(RATE);
            return new Sample(name, deinterleave(source.audio().readAllBytes(), source.format().channels()),
                    segments(Fixtures.sample(name + ".json")), Files.readAllLines(Fixtures.sample(name + ".txt")));
        }
    }

    private static short[][] deinterleave(byte[] pcm, int channelCount) {
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int frames = pcm.length / 2 / channelCount;
        short[][] channels = new short[channelCount][frames];
        for (int frame = 0; frame < frames; frame++) {
            for (int channel = 0; channel < channelCount; channel++) {
                channels[channel][frame] = samples.getShort();
            }
        }
        return channels;
    }

    @Test
    void twoMonoSamplesAndOneStereoSampleWithTwoSpeakers() throws IOException {
        assertThat(load("briefing").channels()).hasNumberOfRows(1);
        assertThat(load("recipe").channels()).hasNumberOfRows(1);
        Sample call = load("support-call");
        assertThat(call.channels()).hasNumberOfRows(2);
        assertThat(call.segments()).extracting(Segment::channel).containsExactly("ch_0", "ch_1", "ch_0", "ch_1");
        assertThat(call.segments()).allSatisfy(segment ->
                assertThat(segment.speaker()).isEqualTo(segment.channel().substring(3)));
    }

    @Test
    void theTranscriptIsTheWordsOfTheSegments() throws IOException {
        for (String name : Fixtures.SAMPLES) {
            Sample sample = load(name);
            List<String> lines = sample.segments().stream()
                    .map(segment -> String.join(" ", segment.words().stream().map(Word::text).toList()))
                    .toList();
            assertThat(sample.transcript()).as(name).isEqualTo(lines);
            assertThat(lines).as(name).allSatisfy(line -> assertThat(line).matches("[A-Z].*[.?!]"));
        }
    }

    @Test
    void timesAreOrderedRoundedToMillisecondsAndInsideTheAudio() throws IOException {
        for (String name : Fixtures.SAMPLES) {
            Sample sample = load(name);
            double previousEnd = 0;
            for (Segment segment : sample.segments()) {
                assertThat(segment.start()).as(name).isGreaterThan(previousEnd)
                        .isEqualTo(segment.words().get(0).start());
                assertThat(segment.end()).as(name).isEqualTo(segment.words().get(segment.words().size() - 1).end());
                double wordEnd = segment.start();
                for (Word word : segment.words()) {
                    assertThat(word.start()).as(word.text()).isGreaterThanOrEqualTo(wordEnd).isLessThan(word.end());
                    assertThat(isWholeMilliseconds(word.start()) && isWholeMilliseconds(word.end()))
                            .as(word.text()).isTrue();
                    wordEnd = word.end();
                }
                previousEnd = segment.end();
            }
            // generate.sh puts 300 ms of silence before the first word and 500 ms after the last.
            assertThat(sample.segments().get(0).start()).as(name).isEqualTo(0.3);
            assertThat(sample.seconds() - previousEnd).as(name).isCloseTo(0.5, within(MS));
        }
    }

    @Test
    void everyWordIsSpeechAndEveryPauseIsSilence() throws IOException {
        for (String name : Fixtures.SAMPLES) {
            Sample sample = load(name);
            double previousEnd = 0;
            for (Segment segment : sample.segments()) {
                short[] speaking = sample.channels()[channelIndex(segment)];
                for (Word word : segment.words()) {
                    assertThat(peak(speaking, word.start(), word.end())).as("%s: %s", name, word.text())
                            .isGreaterThan(1_000);
                    assertThat(peak(speaking, previousEnd, word.start())).as("%s: before %s", name, word.text())
                            .isZero();
                    previousEnd = word.end();
                }
                for (int other = 0; other < sample.channels().length; other++) {
                    if (other != channelIndex(segment)) {
                        assertThat(peak(sample.channels()[other], segment.start(), segment.end()))
                                .as("%s: the silent channel during %s", name, segment.words().get(0).text()).isZero();
                    }
                }
            }
            for (short[] channel : sample.channels()) {
                assertThat(peak(channel, previousEnd, sample.seconds())).as("%s: the tail", name).isZero();
            }
        }
    }

    private static boolean isWholeMilliseconds(double seconds) {
        return Math.abs(seconds * 1000 - Math.rint(seconds * 1000)) < 1e-6;
    }

    private static int channelIndex(Segment segment) {
        return segment.channel() == null ? 0 : Integer.parseInt(segment.channel().substring(3));
    }

    /** The largest magnitude between two times, less a millisecond at each edge for the rounding of the times. */
    private static int peak(short[] samples, double from, double to) {
        int first = (int) Math.ceil((from + MS) * RATE);
        int last = Math.min(samples.length, (int) Math.floor((to - MS) * RATE));
        int peak = 0;
        for (int i = first; i < last; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    // --- the JSON, read strictly: exactly the keys the emulator reads ------------------------------------------

    private static final Set<String> SEGMENT_KEYS = Set.of("start", "end", "channel", "speaker", "words");
    private static final Set<String> WORD_KEYS = Set.of("text", "start", "end");

    private static List<Segment> segments(Path json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            assertThat(parser.nextFieldName()).isEqualTo("segments");
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<Segment> segments = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                segments.add(segment(parser));
            }
            expect(parser.nextToken(), JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isNull();
            assertThat(segments).isNotEmpty();
            return segments;
        }
    }

    private static Segment segment(JsonParser parser) throws IOException {
        double start = -1;
        double end = -1;
        String channel = null;
        String speaker = null;
        List<Word> words = new ArrayList<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            assertThat(key).isIn(SEGMENT_KEYS);
            JsonToken value = parser.nextToken();
            switch (key) {
                case "start" -> start = parser.getDoubleValue();
                case "end" -> end = parser.getDoubleValue();
                case "channel" -> channel = parser.getText();
                case "speaker" -> speaker = parser.getText();
                default -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        words.add(word(parser));
                    }
                }
            }
        }
        assertThat(channel == null).as("channel and speaker come together").isEqualTo(speaker == null);
        assertThat(words).isNotEmpty();
        return new Segment(start, end, channel, speaker, words);
    }

    private static Word word(JsonParser parser) throws IOException {
        String[] fields = new String[3];
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            assertThat(key).isIn(WORD_KEYS);
            parser.nextToken();
            fields[List.of("text", "start", "end").indexOf(key)] = parser.getText();
        }
        assertThat(fields).doesNotContainNull();
        assertThat(fields[0]).matches("[A-Za-z']+[.,?!]?");
        return new Word(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        assertThat(actual).isEqualTo(expected);
    }
}
