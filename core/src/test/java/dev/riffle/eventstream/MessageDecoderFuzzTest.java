package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Fuzzes the decoder. Properties: the only exception is the codec's own {@link EventStreamException}; every call
 * returns (no hang); memory stays within the limits; and whatever the decoder accepts re-encodes to exactly the
 * bytes it was read from.
 *
 * <p>Random bytes almost never carry a valid CRC, so a raw harness stops at the prelude check. Half the inputs are
 * therefore built as frames: the fuzzer picks the header and payload bytes and which length and CRC fields to
 * corrupt, and the harness computes the others, which lets it reach the header scanner.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (core/pom.xml sets it). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -pl core test -Dtest=MessageDecoderFuzzTest -Djazzer.max_duration=30m}.
 */
class MessageDecoderFuzzTest {

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void decoderRejectsCleanlyOrRoundTrips(FuzzedDataProvider data) {
        boolean structured = data.consumeBoolean();
        int[] splits = new int[data.consumeInt(0, 8)];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = data.consumeInt(0, 300);
        }
        byte[] input = structured ? frames(data) : data.consumeRemainingAsBytes();
        check(input, splits);
    }

    private static void check(byte[] input, int[] splits) {
        // Small limits so the fuzzer reaches them; the rules are the same at any size.
        MessageDecoder decoder = MessageDecoder.builder().maxMessageLength(1 << 16).maxHeadersLength(1 << 12)
                .maxHeaderCount(64).build();
        ByteBuffer reencoded = ByteBuffer.allocate(input.length);
        MessageEncoder encoder = new MessageEncoder();
        HeaderBlock headers = new HeaderBlock();
        MessageListener reencode = view -> {
            headers.clear();
            for (int i = 0; i < view.headerCount(); i++) {
                headers.add(view.headerName(i), view.headerValue(i));
            }
            encoder.encode(headers, view.payload(), reencoded);
        };
        try {
            int p = 0;
            for (int size : splits) {
                int n = Math.min(size, input.length - p);
                decoder.feed(ByteBuffer.wrap(input, p, n), reencode);
                p += n;
            }
            decoder.feed(ByteBuffer.wrap(input, p, input.length - p), reencode);
            decoder.endOfInput();
            assertThat(reencoded.array()).isEqualTo(input);
        } catch (EventStreamException rejected) {
            assertThat(decoder.isFailed()).isTrue();
            int accepted = reencoded.position();
            assertThat(accepted).isEqualTo(decoder.bytesDecoded());
            assertThat(Arrays.copyOf(reencoded.array(), accepted)).isEqualTo(Arrays.copyOf(input, accepted));
            assertThat(rejected.offset()).isBetween(decoder.bytesDecoded(), (long) input.length);
        }
    }

    /** One to four frames whose fields are correct unless the fuzzer chose to corrupt them. */
    private static byte[] frames(FuzzedDataProvider data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = data.consumeInt(1, 4);
        for (int f = 0; f < count; f++) {
            int corrupt = data.consumeInt(0, 15);
            byte[] headers = data.consumeBytes(data.consumeInt(0, 400));
            byte[] payload = data.consumeBytes(data.consumeInt(0, 300));
            int total = (corrupt & 1) != 0 ? data.consumeInt() : 16 + headers.length + payload.length;
            int headersLength = (corrupt & 2) != 0 ? data.consumeInt() : headers.length;
            ByteBuffer b = ByteBuffer.allocate(16 + headers.length + payload.length);
            b.putInt(total).putInt(headersLength);
            b.putInt((corrupt & 4) != 0 ? data.consumeInt() : crc(b.array(), 8));
            b.put(headers).put(payload);
            b.putInt((corrupt & 8) != 0 ? data.consumeInt() : crc(b.array(), b.position()));
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
