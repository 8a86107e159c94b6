package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Entity;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.ItemType;
import dev.riffle.transcribe.model.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns segments into the service's {@link Result}s (spec section 3.4), with the request's features:
 * <ul>
 *   <li>items: a {@code pronunciation} item a word and a {@code punctuation} item for the marks after it, the
 *       latter zero-length at the word's end; {@code VocabularyFilterMatch} false (there are no filters);</li>
 *   <li>{@code Confidence} on the pronunciation items of final results only. Whether the service sends it on
 *       partials and on punctuation is an open question (spec section 8, question 4); it is reliable only on
 *       complete segments (section 5.2), so partials leave it out;</li>
 *   <li>{@code Stable} by the {@link StabilityPolicy}; {@code Speaker} on every item with speaker labels;
 *       {@code ChannelId} with channel identification; language by the {@link LanguagePolicy}; PII by the
 *       {@link PiiPolicy}, on final results only.</li>
 * </ul>
 */
final class ResultRenderer {

    /** The speaker of a segment whose script names none. */
    static final String DEFAULT_SPEAKER = "0";

    private static final String PUNCTUATION = ItemType.PUNCTUATION.wireValue();
    private static final String PRONUNCIATION = ItemType.PRONUNCIATION.wireValue();
    private static final String PII_CATEGORY = "PII";

    private final StabilityPolicy stability;
    private final boolean showSpeakerLabel;
    private final boolean channelIdentification;
    private final LanguagePolicy language;
    private final PiiPolicy pii;

    ResultRenderer(StabilityPolicy stability, boolean showSpeakerLabel, boolean channelIdentification,
                   LanguagePolicy language, PiiPolicy pii) {
        this.stability = stability;
        this.showSpeakerLabel = showSpeakerLabel;
        this.channelIdentification = channelIdentification;
        this.language = language;
        this.pii = pii;
    }

    /** The partial result of an open segment heard up to {@code now}; empty while it shows no word yet. */
    Optional<Result> partial(SegmentDraft segment, double now) {
        int wordCount = segment.wordCount();
        if (wordCount == 0) {
            return Optional.empty();
        }
        String speaker = speaker(segment);
        List<Item> items = new ArrayList<>();
        for (int index = 0; index < segment.words().size(); index++) {
            addWord(items, segment.words().get(index), speaker, null, stability.partialFlag(index, wordCount));
        }
        SpeakingWord speaking = segment.speaking();
        if (speaking != null) {
            items.add(pronunciation(speaking.start(), speaking.end(), speaking.heardText(), speaker, null,
                    stability.partialFlag(wordCount - 1, wordCount)));
        }
        return Optional.of(result(segment, now, true, items, List.of()));
    }

    /** The final result of a closed segment. */
    Result finalResult(SegmentDraft segment) {
        List<ScriptEntity> entities = pii.select(segment.traits().entities(), segment.words().size());
        String speaker = speaker(segment);
        List<Item> items = new ArrayList<>();
        List<Entity> reported = new ArrayList<>();
        List<TimedWord> words = segment.words();
        int index = 0;
        for (ScriptEntity entity : entities) {
            addFinalWords(items, words.subList(index, entity.firstWord()), speaker);
            List<TimedWord> covered = words.subList(entity.firstWord(), entity.lastWord() + 1);
            reported.add(entityOf(entity, covered, speaker));
            if (pii.redacts()) {
                addRedacted(items, entity, covered, speaker);
            } else {
                addFinalWords(items, covered, speaker);
            }
            index = entity.lastWord() + 1;
        }
        addFinalWords(items, words.subList(index, words.size()), speaker);
        return result(segment, segment.end(), false, items, pii.reportsEntities() ? reported : List.of());
    }

    private void addFinalWords(List<Item> items, List<TimedWord> words, String speaker) {
        for (TimedWord word : words) {
            addWord(items, word, speaker, word.word().confidence(), stability.finalFlag());
        }
    }

    /** The covered words become one item, their marks dropped but for those ending the entity's last word. */
    private void addRedacted(List<Item> items, ScriptEntity entity, List<TimedWord> covered, String speaker) {
        TimedWord last = covered.get(covered.size() - 1);
        items.add(pronunciation(covered.get(0).start(), last.end(), PiiPolicy.redactedContent(entity.type()),
                speaker, entity.confidence(), stability.finalFlag()));
        addPunctuation(items, last, speaker, stability.finalFlag());
    }

    private Entity entityOf(ScriptEntity entity, List<TimedWord> covered, String speaker) {
        String content = pii.redacts() ? PiiPolicy.redactedContent(entity.type()) : spokenText(covered, speaker);
        return new Entity(covered.get(0).start(), covered.get(covered.size() - 1).end(), PII_CATEGORY,
                entity.type().wireValue(), content, entity.confidence());
    }

    /** The words' text without the marks after the last word: they end the sentence, not the name. */
    private String spokenText(List<TimedWord> words, String speaker) {
        List<Item> said = new ArrayList<>();
        for (TimedWord word : words.subList(0, words.size() - 1)) {
            addWord(said, word, speaker, null, null);
        }
        TimedWord last = words.get(words.size() - 1);
        said.add(pronunciation(last.start(), last.end(), last.word().spoken(), speaker, null, null));
        return TranscriptText.of(said);
    }

    private void addWord(List<Item> items, TimedWord word, String speaker, Double confidence, Boolean stable) {
        items.add(pronunciation(word.start(), word.end(), word.word().spoken(), speaker, confidence, stable));
        addPunctuation(items, word, speaker, stable);
    }

    private static void addPunctuation(List<Item> items, TimedWord word, String speaker, Boolean stable) {
        if (word.word().hasPunctuation()) {
            items.add(new Item(word.end(), word.end(), PUNCTUATION, word.word().punctuation(), false, speaker,
                    null, stable));
        }
    }

    private static Item pronunciation(double start, double end, String content, String speaker, Double confidence,
                                      Boolean stable) {
        return new Item(start, end, PRONUNCIATION, content, false, speaker, confidence, stable);
    }

    private String speaker(SegmentDraft segment) {
        if (!showSpeakerLabel) {
            return null;
        }
        return segment.traits().speaker() != null ? segment.traits().speaker() : DEFAULT_SPEAKER;
    }

    private Result result(SegmentDraft segment, double end, boolean partial, List<Item> items,
                          List<Entity> entities) {
        SegmentTraits traits = segment.traits();
        return new Result(segment.resultId(), segment.start(), end, partial,
                channelIdentification ? traits.channel().wireValue() : null,
                language.languageCode(traits.language()), language.scores(traits.language()),
                List.of(new Alternative(TranscriptText.of(items), items, entities)));
    }
}
