package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Entity;
import dev.riffle.transcribe.model.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns segments into the service's {@link Result}s (spec section 3.4), with the request's features:
 * <ul>
 *   <li>items as {@link ItemList} writes them;</li>
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
        ItemList items = new ItemList(speaker(segment));
        for (int index = 0; index < segment.words().size(); index++) {
            items.addWord(segment.words().get(index), null, stability.partialFlag(index, wordCount));
        }
        SpeakingWord speaking = segment.speaking();
        if (speaking != null) {
            items.addPronunciation(speaking.start(), speaking.end(), speaking.heardText(), null,
                    stability.partialFlag(wordCount - 1, wordCount));
        }
        return Optional.of(result(segment, now, true, items, List.of()));
    }

    /** The final result of a closed segment, its PII identified or redacted as the request asks. */
    Result finalResult(SegmentDraft segment) {
        List<TimedWord> words = segment.words();
        ItemList items = new ItemList(speaker(segment));
        List<Entity> entities = new ArrayList<>();
        int index = 0;
        for (ScriptEntity entity : pii.select(segment.traits().entities(), words.size())) {
            addFinalWords(items, words.subList(index, entity.firstWord()));
            List<TimedWord> covered = words.subList(entity.firstWord(), entity.lastWord() + 1);
            entities.add(entityOf(entity, covered));
            if (pii.redacts()) {
                addRedacted(items, entity, covered);
            } else {
                addFinalWords(items, covered);
            }
            index = entity.lastWord() + 1;
        }
        addFinalWords(items, words.subList(index, words.size()));
        return result(segment, segment.end(), false, items, entities);
    }

    private void addFinalWords(ItemList items, List<TimedWord> words) {
        for (TimedWord word : words) {
            items.addWord(word, word.word().confidence(), stability.finalFlag());
        }
    }

    /** The covered words become one item, their marks dropped but for those ending the entity's last word. */
    private void addRedacted(ItemList items, ScriptEntity entity, List<TimedWord> covered) {
        TimedWord last = covered.get(covered.size() - 1);
        items.addPronunciation(covered.get(0).start(), last.end(), PiiPolicy.redactedContent(entity.type()),
                entity.confidence(), stability.finalFlag());
        items.addPunctuationOf(last, stability.finalFlag());
    }

    private Entity entityOf(ScriptEntity entity, List<TimedWord> covered) {
        String content = pii.redacts() ? PiiPolicy.redactedContent(entity.type()) : spokenText(covered);
        return new Entity(covered.get(0).start(), covered.get(covered.size() - 1).end(), PII_CATEGORY,
                entity.type().wireValue(), content, entity.confidence());
    }

    /** The words' text without the marks after the last word: they end the sentence, not the name. */
    private static String spokenText(List<TimedWord> words) {
        ItemList said = new ItemList(null);
        for (TimedWord word : words.subList(0, words.size() - 1)) {
            said.addWord(word, null, null);
        }
        said.addSpokenOnly(words.get(words.size() - 1));
        return said.text();
    }

    private String speaker(SegmentDraft segment) {
        if (!showSpeakerLabel) {
            return null;
        }
        return segment.traits().speaker() != null ? segment.traits().speaker() : DEFAULT_SPEAKER;
    }

    private Result result(SegmentDraft segment, double end, boolean partial, ItemList items,
                          List<Entity> entities) {
        SegmentTraits traits = segment.traits();
        return new Result(segment.resultId(), segment.start(), end, partial,
                channelIdentification ? traits.channel().wireValue() : null,
                language.languageCode(traits.language()), language.scores(traits.language()),
                List.of(new Alternative(items.text(), items.items(), entities)));
    }
}
