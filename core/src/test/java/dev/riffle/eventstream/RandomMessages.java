package dev.riffle.eventstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/** Generates random valid messages of every header type, for property and differential tests. */
final class RandomMessages {

    private static final String NON_ASCII = "éß漢字😀ñ";

    private final SplittableRandom random;

    RandomMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A random message.
     *
     * @param types          header types to draw from
     * @param allowEmpty     whether string and byte-array values may be empty
     * @param maxPayload     largest payload
     */
    Message next(List<HeaderType> types, boolean allowEmpty, int maxPayload) {
        Message.Builder builder = Message.builder();
        int count = random.nextInt(8) == 0 ? random.nextInt(40) : random.nextInt(6);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = name();
            if (names.add(name)) {
                builder.header(name, value(types.get(random.nextInt(types.size())), allowEmpty));
            }
        }
        int payload = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(64);
            case 2 -> random.nextInt(4096);
            default -> random.nextInt(maxPayload + 1);
        };
        byte[] bytes = new byte[payload];
        random.nextBytes(bytes);
        return builder.payload(bytes).build();
    }

    /** The underlying generator, to draw chunk sizes from the same seed. */
    java.util.random.RandomGenerator generator() {
        return random;
    }

    private String name() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return ":" + "x".repeat(random.nextInt(254)); // up to 255 bytes
        }
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(kind == 1 ? 60 : 20);
        for (int i = 0; i < length; i++) {
            if (kind == 2 && random.nextInt(4) == 0) {
                s.appendCodePoint(NON_ASCII.codePointAt(NON_ASCII.offsetByCodePoints(0, random.nextInt(6))));
            } else {
                s.append((char) ('!' + random.nextInt(94)));
            }
        }
        String name = s.toString();
        return Utf8.encodedLength(name) <= 255 ? name : "fallback" + random.nextInt(1000);
    }

    private HeaderValue value(HeaderType type, boolean allowEmpty) {
        int min = allowEmpty ? 0 : 1;
        return switch (type) {
            case BOOLEAN_TRUE, BOOLEAN_FALSE -> HeaderValue.of(random.nextBoolean());
            case BYTE -> HeaderValue.ofByte((byte) random.nextInt());
            case SHORT -> HeaderValue.ofShort((short) random.nextInt());
            case INTEGER -> HeaderValue.ofInt(random.nextInt());
            case LONG -> HeaderValue.ofLong(random.nextLong());
            case TIMESTAMP -> HeaderValue.ofTimestampMillis(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
            case UUID -> HeaderValue.ofUuid(new UUID(random.nextLong(), random.nextLong()));
            case BYTE_ARRAY -> {
                byte[] bytes = new byte[min + random.nextInt(random.nextInt(20) == 0 ? 32_768 - min : 64)];
                random.nextBytes(bytes);
                yield HeaderValue.ofBytes(bytes);
            }
            case STRING -> {
                StringBuilder s = new StringBuilder();
                int length = min + random.nextInt(random.nextInt(20) == 0 ? 5000 : 40);
                for (int i = 0; i < length; i++) {
                    s.appendCodePoint(random.nextInt(5) == 0
                            ? NON_ASCII.codePointAt(NON_ASCII.offsetByCodePoints(0, random.nextInt(6)))
                            : ' ' + random.nextInt(95));
                }
                yield HeaderValue.ofString(s.toString());
            }
        };
    }

    static List<HeaderType> allTypes() {
        return List.of(HeaderType.values());
    }

    /** The types aws-eventstream-java 1.0.1 can encode (it writes no value bytes for byte and short). */
    static List<HeaderType> typesOfJava101() {
        List<HeaderType> types = new ArrayList<>(allTypes());
        types.remove(HeaderType.BYTE);
        types.remove(HeaderType.SHORT);
        return types;
    }
}
