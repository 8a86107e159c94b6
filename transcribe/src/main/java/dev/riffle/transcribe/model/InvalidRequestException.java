package dev.riffle.transcribe.model;

import java.util.List;

/**
 * A StartStreamTranscription request the service would refuse with a 400 BadRequestException. The message is the
 * one the service sends (the emulator answers with it verbatim); {@link #violations()} lists the reasons one by one.
 *
 * <p>Model-constraint violations read as AWS request validation words them:
 * {@code 2 validation errors detected: Value '96000' at 'mediaSampleRateHertz' failed to satisfy constraint: Member
 * must have value less than or equal to 48000; Value null at 'mediaEncoding' failed to satisfy constraint: Member
 * must not be null}. Other refusals (combinations of parameters) are sentences that name the parameters, joined
 * by spaces.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    private InvalidRequestException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Values that cannot be read as their parameter's type at all. */
    static InvalidRequestException malformed(List<String> sentences) {
        return new InvalidRequestException(String.join(" ", sentences), sentences);
    }

    /** Values that break the service model's constraints; the message counts them as AWS does. */
    static InvalidRequestException modelConstraints(List<String> violations) {
        int count = violations.size();
        String heading = count + (count == 1 ? " validation error detected: " : " validation errors detected: ");
        return new InvalidRequestException(heading + String.join("; ", violations), violations);
    }

    /** Parameters that are valid one by one but not together. */
    static InvalidRequestException combinations(List<String> sentences) {
        return new InvalidRequestException(String.join(" ", sentences), sentences);
    }

    /** Each violation on its own, in the order the checks ran; never empty. */
    public List<String> violations() {
        return violations;
    }
}
