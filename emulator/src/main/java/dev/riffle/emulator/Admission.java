package dev.riffle.emulator;

import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SignatureVerificationException;
import dev.riffle.sigv4.UriEncoding;
import dev.riffle.sigv4.VerifiedRequest;
import dev.riffle.transcribe.model.InvalidRequestException;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The service's checks before a stream starts, in its order (spec 5.1, 5.7): signature (403 family), parameters
 * (400, the model's text), the concurrency quota (429), one live stream per session id (409). Shared by the HTTP/2
 * and WebSocket front ends, which differ only in where the signature and the parameters come from.
 */
final class Admission {

    private Admission() {
    }

    /** The outcome: a refusal to answer with, or an accepted stream's request, signature and session id. */
    record Outcome(Refusal refusal, StartStreamTranscriptionRequest request, VerifiedRequest verified,
                   String sessionId) {
        boolean accepted() {
            return refusal == null;
        }
    }

    /** An HTTP error to answer before the stream. */
    record Refusal(int status, String errorType, String message) {
    }

    /**
     * The refusal of a query whose percent-escapes are broken, by either front end: the signature covers the query,
     * so one that cannot be decoded can be neither verified nor read for parameters. [inferred] The service's answer
     * is not known; a 400 naming the problem. The query is not quoted: it may hold the credential.
     */
    static final Refusal MALFORMED_QUERY = new Refusal(400, "BadRequestException", "The request's query string is "
            + "not valid URL encoding: a '%' must be followed by two hexadecimal digits.");

    /**
     * The query's parameters, URL-decoded; empty if a percent-escape is truncated or not hex (answer with
     * {@link #MALFORMED_QUERY}). Such a URL cannot have been signed by an SDK.
     */
    static Optional<List<SignableRequest.Param>> decodedQuery(String rawQuery) {
        try {
            return Optional.of(UriEncoding.parseQuery(rawQuery));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
    }

    /**
     * Runs the checks and, if they pass, registers {@code session} under its session id.
     *
     * @param verify     verifies the request's signature (header-signed or presigned)
     * @param parameters parses the request's parameters (from headers or from the query)
     */
    static Outcome admit(EmulatorContext context, Supplier<VerifiedRequest> verify,
                         Supplier<StartStreamTranscriptionRequest> parameters, TranscriptionSession session) {
        VerifiedRequest verified;
        try {
            verified = verify.get();
        } catch (SignatureVerificationException e) {
            return refused(e.httpStatus(), e.errorType(), e.getMessage());
        }
        StartStreamTranscriptionRequest request;
        try {
            request = parameters.get().validate();
        } catch (InvalidRequestException e) {
            return refused(400, "BadRequestException", e.getMessage());
        }
        String sessionId = request.sessionId().orElse(UUID.randomUUID().toString()).toLowerCase(Locale.ROOT);
        SessionRegistry.Registration registration = context.sessions.register(sessionId, session,
                context.config.sessionConflict != EmulatorConfig.SessionConflict.REFUSE_NEW);
        if (registration.refusal() != null) {
            return switch (registration.refusal()) {
                case SHUTTING_DOWN -> refused(503, "ServiceUnavailableException", "The service is shutting down.");
                case FULL -> refused(429, "LimitExceededException", "You have reached your limit of concurrent "
                        + "streams, " + context.sessions.quota() + ". Try again later.");
                case CONFLICT -> refused(409, "ConflictException",
                        "Another stream is in progress with the same session ID.");
            };
        }
        TranscriptionSession displaced = registration.displaced();
        if (displaced != null) {
            displaced.terminateFromAnyThread("ConflictException",
                    "A new stream was started with the same session ID; this stream is terminated.");
        }
        return new Outcome(null, request, verified, sessionId);
    }

    private static Outcome refused(int status, String type, String message) {
        return new Outcome(new Refusal(status, type, message), null, null, null);
    }
}
