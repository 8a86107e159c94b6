package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8#equals} against {@link String#equals} of the decoded bytes: random strings of ASCII, Latin-1,
 * other BMP characters and surrogate pairs, compared with themselves, with one char changed, and with strings
 * of the same length in chars.
 */
class Utf8EqualsTest {

    private static final String ALPHABET = "aZ:-09 \u00e9\u00ff\u0141\u4e2d\ud83d\ude00";

    @Test
    void agreesWithStringEqualsOnRandomPairs() {
        SplittableRandom random = new SplittableRandom(11_22);
        for (int run = 0; run < 20_000; run++) {
            String encoded = randomString(random);
            String other = switch (run % 3) {
                case 0 -> encoded;
                case 1 -> changeOneChar(encoded, random);
                default -> randomString(random);
            };
            byte[] bytes = encoded.getBytes(StandardCharsets.UTF_8);
            int offset = random.nextInt(4);
            ByteBuffer buffer = ByteBuffer.allocate(offset + bytes.length + 3).put(offset, bytes);

            assertThat(Utf8.equals(buffer, offset, bytes.length, other))
                    .as("bytes of '%s' against '%s'", encoded, other).isEqualTo(encoded.equals(other));
        }
    }

    @Test
    void aWideCharWhoseLowByteMatchesIsNotEqual() {
        // U+0141 and U+0041 ('A') share their low byte; a comparison that truncated chars to bytes would agree.
        ByteBuffer bytes = ByteBuffer.wrap("AudioEvent".getBytes(StandardCharsets.US_ASCII));

        assertThat(Utf8.equals(bytes, 0, 10, "\u0141udioEvent")).isFalse();
        assertThat(Utf8.equals(bytes, 0, 10, "AudioEven\u0174")).isFalse();
        assertThat(Utf8.equals(bytes, 0, 10, "AudioEvent")).isTrue();
    }

    private static String randomString(SplittableRandom random) {
        int length = random.nextInt(20);
        StringBuilder s = new StringBuilder();
        boolean asciiOnly = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(asciiOnly ? 6 : ALPHABET.length() - 1);
            char c = ALPHABET.charAt(pick);
            s.append(c);
            if (Character.isHighSurrogate(c)) {
                s.append(ALPHABET.charAt(pick + 1));
            }
        }
        return s.toString();
    }

    private static String changeOneChar(String s, SplittableRandom random) {
        if (s.isEmpty()) {
            return "x";
        }
        int i = random.nextInt(s.length());
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            return s + "y";
        }
        return s.substring(0, i) + (char) (c ^ (1 << random.nextInt(9))) + s.substring(i + 1);
    }
}
