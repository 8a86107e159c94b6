package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import java.util.List;

/**
 * What a segment's results carry besides its words, when the request asks for it.
 *
 * @param speaker the speaker label; null for the default
 * @param channel the channel the segment is heard on
 * @param language the language spoken; null for the request's default
 * @param entities the PII among the segment's words (indexes into its words)
 */
record SegmentTraits(String speaker, ChannelLabel channel, LanguageCode language, List<ScriptEntity> entities) {

    /** Copies the list. */
    SegmentTraits {
        entities = List.copyOf(entities);
    }

    /** The traits of a segment laid over the audio of {@code channel} from plain words: defaults all along. */
    static SegmentTraits plain(ChannelLabel channel) {
        return new SegmentTraits(null, channel, null, List.of());
    }

    /** The traits a timed script gives {@code segment}, heard on {@code channel}. */
    static SegmentTraits of(ScriptSegment segment, ChannelLabel channel) {
        return new SegmentTraits(segment.speaker(), channel, segment.language(), segment.entities());
    }
}
