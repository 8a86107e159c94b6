package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the reader of TranscriptEvent payloads, which come from the service or from anything between it and the
 * client. Properties: any bytes either read into a {@link TranscriptEvent} or fail with a
 * {@link MalformedPayloadException} that names the payload and the problem, never another exception and never a
 * hang; reading from an array range, a read-only buffer and a direct buffer gives the same outcome; and an event
 * that was read writes back as JSON that reads as the same event.
 *
 * <p>Random bytes are rarely JSON of the service's shape, so half the inputs are given a head start: a quarter
 * are documents of the TranscriptEvent shape whose members the fuzzer fills, retypes, duplicates, nulls and
 * damages ({@link FuzzJson}), a quarter are the module's recorded events with spans replaced by fuzzer bytes. The
 * other half are raw bytes, seeded by the files in {@code TranscriptEventJsonFuzzTestInputs}.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl transcribe test -Dtest=TranscriptEventJsonFuzzTest -Djazzer.max_duration=30m}.
 */
class TranscriptEventJsonFuzzTest {

    /** Events as the service writes them, in the module's test resources. */
    private static final List<byte[]> RECORDED = List.of(
            TranscriptEventJsonTest.resource("spec-example-transcript-event.json"),
            TranscriptEventJsonTest.resource("partial-result.json"),
            TranscriptEventJsonTest.resource("final-result.json"));

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void readsOrRefusesCleanly(FuzzedDataProvider data) {
        byte[] payload = FuzzJson.payload(data, FuzzJson.TRANSCRIPT_EVENT, RECORDED);

        TranscriptEvent event = PayloadFuzzing.readAllWays(payload, TranscriptEventJson::parse,
                TranscriptEventJson::parse, "TranscriptEvent");

        if (event != null) {
            byte[] written = TranscriptEventJson.toBytes(event);
            assertThat(TranscriptEventJson.parse(written, 0, written.length)).isEqualTo(event);
        }
    }
}
