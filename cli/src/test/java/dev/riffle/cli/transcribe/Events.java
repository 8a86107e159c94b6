package dev.riffle.cli.transcribe;

import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.Transcript;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.util.ArrayList;
import java.util.List;

/** Builds results and events for printer and caption tests: words one second apart, marks without time. */
final class Events {

    private Events() {
    }

    /** A result of {@code text}'s words; the first {@code stableWords} words stable if not negative. */
    static Result result(String id, String channel, boolean partial, double start, String text, int stableWords) {
        List<Item> items = new ArrayList<>();
        double time = start;
        int word = 0;
        for (String token : text.split(" ")) {
            String mark = token.matches(".*[.,?!]$") ? token.substring(token.length() - 1) : null;
            String content = mark == null ? token : token.substring(0, token.length() - 1);
            Boolean stable = stableWords < 0 ? null : word < stableWords;
            items.add(new Item(time, time + 0.8, "pronunciation", content, false, null, 0.9, stable));
            if (mark != null) {
                items.add(new Item(time + 0.8, time + 0.8, "punctuation", mark, false, null, 0.0, stable));
            }
            time += 1;
            word++;
        }
        return new Result(id, start, time, partial, channel, null, List.of(),
                List.of(new Alternative(text, items, List.of())));
    }

    static Result partial(String id, String text) {
        return result(id, null, true, 0, text, -1);
    }

    static Result finalResult(String id, String text) {
        return result(id, null, false, 0, text, -1);
    }

    static TranscriptEvent event(Result... results) {
        return new TranscriptEvent(new Transcript(List.of(results)));
    }
}
