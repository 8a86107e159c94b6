package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test against aws-eventstream-java 1.0.1 ({@code software.amazon.eventstream}), the codec the AWS
 * SDK for Java v2 used: on random messages of the types it can encode (not byte or short, which it writes without
 * value bytes) and without empty values (which it refuses), both write the same bytes and each reads the other's.
 */
class DifferentialJava101Test {

    @Test
    void sameBytesAndMutualDecoding() {
        for (long seed = 1; seed <= 600; seed++) {
            RandomMessages random = new RandomMessages(seed);
            Message ours = random.next(RandomMessages.typesOfJava101(), false, 64 * 1024);
            software.amazon.eventstream.Message theirs = toJava101(ours);

            byte[] ourBytes = ours.toByteArray();
            ByteBuffer theirBuffer = theirs.toByteBuffer();
            byte[] theirBytes = new byte[theirBuffer.remaining()];
            theirBuffer.get(theirBytes);

            assertThat(ourBytes).as("seed %d", seed).isEqualTo(theirBytes);
            assertThat(Message.decode(ByteBuffer.wrap(theirBytes))).as("seed %d", seed).isEqualTo(ours);
            software.amazon.eventstream.Message back = software.amazon.eventstream.Message.decode(
                    ByteBuffer.wrap(ourBytes));
            assertThat(back.getHeaders()).as("seed %d", seed).isEqualTo(theirs.getHeaders());
            assertThat(back.getPayload()).as("seed %d", seed).isEqualTo(ours.payload());
        }
    }

    private static software.amazon.eventstream.Message toJava101(Message message) {
        Map<String, software.amazon.eventstream.HeaderValue> headers = new LinkedHashMap<>();
        for (Header header : message.headers()) {
            HeaderValue v = header.value();
            headers.put(header.name(), switch (v.type()) {
                case BOOLEAN_TRUE, BOOLEAN_FALSE -> software.amazon.eventstream.HeaderValue.fromBoolean(v.asBoolean());
                case INTEGER -> software.amazon.eventstream.HeaderValue.fromInteger(v.asInt());
                case LONG -> software.amazon.eventstream.HeaderValue.fromLong(v.asLong());
                case BYTE_ARRAY -> software.amazon.eventstream.HeaderValue.fromByteArray(v.asBytes());
                case STRING -> software.amazon.eventstream.HeaderValue.fromString(v.asString());
                case TIMESTAMP -> software.amazon.eventstream.HeaderValue.fromTimestamp(v.asTimestamp());
                case UUID -> software.amazon.eventstream.HeaderValue.fromUuid(v.asUuid());
                case BYTE, SHORT -> throw new AssertionError("1.0.1 cannot encode " + v.type());
            });
        }
        return new software.amazon.eventstream.Message(headers, message.payload());
    }
}
