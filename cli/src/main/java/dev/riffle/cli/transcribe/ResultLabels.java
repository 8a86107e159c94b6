package dev.riffle.cli.transcribe;

import dev.riffle.cli.PrintableText;
import dev.riffle.transcribe.model.Result;

/** How a printed line says which channel it heard, when the audio has two. */
final class ResultLabels {

    private ResultLabels() {
    }

    /** {@code "ch_0: "} for a result of a channel, {@code ""} for a mono stream's; printable (see PrintableText). */
    static String channelPrefix(Result result) {
        return result.channelId() == null ? "" : PrintableText.of(result.channelId()) + ": ";
    }

    /** The result's text: its first alternative's transcript, or "" if it has none; printable. */
    static String transcript(Result result) {
        if (result.alternatives().isEmpty() || result.alternatives().get(0).transcript() == null) {
            return "";
        }
        return PrintableText.of(result.alternatives().get(0).transcript());
    }
}
