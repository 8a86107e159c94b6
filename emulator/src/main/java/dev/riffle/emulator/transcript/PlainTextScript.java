package dev.riffle.emulator.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A script of plain words ({@code .txt}, UTF-8): what is said, with no timing. A {@link StreamTranscriber} lays
 * the words over the speech it detects in the audio; a sentence end ({@code .}, {@code ?}, {@code !}) closes a
 * segment, as does a pause in the speech.
 *
 * <p>Reading the text: words are separated by white space (line breaks included); quotes and brackets around a
 * word are dropped, as a transcript does not show them; a trailing run of {@link ScriptWord#PUNCTUATION_MARKS}
 * becomes punctuation; a token of punctuation marks alone ({@code " ?"}) joins the word before it; any other token
 * without a letter or digit (a dash, say) is not spoken and is dropped.
 *
 * @param source where the script came from, for messages
 * @param words the words in order
 */
public record PlainTextScript(String source, List<ScriptWord> words) implements TranscriptScript {

    /**
     * What separates words: any {@link Character#isWhitespace} character, as {@code strip()} uses, not only the
     * ASCII ones of {@code \s}, so that an ideographic or em space, or a line separator, also ends a word.
     */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{javaWhitespace}+");

    /** Characters that enclose words in prose but never appear in a transcript. */
    private static final String ENCLOSING = "\"“”‘’«»()[]{}";

    /** Copies the list. */
    public PlainTextScript {
        Objects.requireNonNull(source, "source");
        words = List.copyOf(words);
    }

    /**
     * The script in UTF-8 {@code bytes} (a byte-order mark is skipped).
     *
     * @throws ScriptFormatException naming the line and column of the first bytes that are not UTF-8
     */
    public static PlainTextScript parse(String source, byte[] bytes) {
        return parse(source, decodeUtf8(source, bytes));
    }

    /** The script in {@code text}. */
    public static PlainTextScript parse(String source, String text) {
        List<ScriptWord> words = new ArrayList<>();
        for (String token : WHITE_SPACE.split(text.strip())) {
            addToken(words, stripEnclosing(token));
        }
        return new PlainTextScript(source, words);
    }

    private static void addToken(List<ScriptWord> words, String token) {
        if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
            ScriptWord.split(token, ScriptWord.DEFAULT_CONFIDENCE).ifPresent(words::add);
        } else if (!words.isEmpty() && !token.isEmpty() && isPunctuationOnly(token)) {
            int last = words.size() - 1;
            words.set(last, words.get(last).withMorePunctuation(token));
        }
    }

    private static boolean isPunctuationOnly(String token) {
        return token.chars().allMatch(c -> ScriptWord.isPunctuationMark((char) c));
    }

    private static String stripEnclosing(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && ENCLOSING.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        // A closing quote may stand after the punctuation ("Stop!") or before it ("Stop"!): drop it either way.
        StringBuilder kept = new StringBuilder(token.substring(start, end));
        for (int i = kept.length() - 1; i >= 0 && !Character.isLetterOrDigit(kept.charAt(i)); i--) {
            if (ENCLOSING.indexOf(kept.charAt(i)) >= 0) {
                kept.deleteCharAt(i);
            }
        }
        return kept.toString();
    }

    private static String decodeUtf8(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(source, out.flip().toString(), in.position());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ScriptFormatException notUtf8(String source, String before, int byteOffset) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        return new ScriptFormatException(source, line, column, null,
                "byte " + byteOffset + " is not UTF-8: save the script as UTF-8 text");
    }
}
