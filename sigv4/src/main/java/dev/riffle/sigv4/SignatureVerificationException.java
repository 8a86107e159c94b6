package dev.riffle.sigv4;

/**
 * A signature that does not verify, with the reason, the AWS error type the service answers with, and for
 * events the index of the frame (0 for the first event after the request). Messages name what failed (a header,
 * a parameter, a frame) and never contain a secret key, a session token or a signing key.
 */
public final class SignatureVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The text AWS services answer a signature mismatch with. */
    public static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    /** Why verification failed. */
    public enum Reason {
        /** No {@code Authorization} header and no presigned query. */
        MISSING_AUTHENTICATION("MissingAuthenticationTokenException", 403),
        /** The Authorization header or presigned query lacks a part, or a part is malformed. */
        INCOMPLETE_SIGNATURE("IncompleteSignatureException", 403),
        /** The access key id is not known. */
        UNKNOWN_ACCESS_KEY("UnrecognizedClientException", 403),
        /** The session token is missing, unexpected or wrong. */
        INVALID_TOKEN("UnrecognizedClientException", 403),
        /** The temporary credentials have expired. */
        EXPIRED_TOKEN("ExpiredTokenException", 403),
        /** {@code host} is not among the signed headers. */
        HOST_NOT_SIGNED("InvalidSignatureException", 403),
        /** The scope's date, service or algorithm does not fit the request. */
        SCOPE_MISMATCH("InvalidSignatureException", 403),
        /** The signature is not the one the verifier computes. */
        SIGNATURE_MISMATCH("InvalidSignatureException", 403),
        /** The signing time is older than the clock-skew window allows. */
        SIGNATURE_EXPIRED("InvalidSignatureException", 403),
        /** The signing time is further in the future than the clock-skew window allows. */
        SIGNATURE_NOT_YET_CURRENT("InvalidSignatureException", 403),
        /** A presigned URL is past {@code X-Amz-Date + X-Amz-Expires}. */
        PRESIGNED_URL_EXPIRED("InvalidSignatureException", 403),
        /** A presigned URL asks for a longer life than allowed. */
        EXPIRES_TOO_LONG("InvalidSignatureException", 403),
        /** An event envelope lacks {@code :date} or {@code :chunk-signature}, or has them of the wrong type. */
        MALFORMED_EVENT("BadRequestException", 400),
        /** An event arrived after the end-of-stream frame. */
        EVENT_AFTER_END("BadRequestException", 400);

        private final String errorType;
        private final int httpStatus;

        Reason(String errorType, int httpStatus) {
            this.errorType = errorType;
            this.httpStatus = httpStatus;
        }
    }

    private final Reason reason;
    private final long eventIndex;

    private SignatureVerificationException(Reason reason, long eventIndex, String message) {
        super(message);
        this.reason = reason;
        this.eventIndex = eventIndex;
    }

    /** A failure of the request or presigned URL. */
    static SignatureVerificationException request(Reason reason, String message) {
        return new SignatureVerificationException(reason, -1, message);
    }

    /** A failure of event {@code index} (0 = the first event of the stream). */
    static SignatureVerificationException event(Reason reason, long index, String message) {
        return new SignatureVerificationException(reason, index, message);
    }

    /** Why verification failed. */
    public Reason reason() {
        return reason;
    }

    /** The index of the failing event, or -1 for the request itself. */
    public long eventIndex() {
        return eventIndex;
    }

    /** Whether the failure is of an event, after the stream started (rather than of the request). */
    public boolean isEventFailure() {
        return eventIndex >= 0;
    }

    /**
     * The error type the service answers with: before the stream, the 403 family ({@code InvalidSignatureException},
     * {@code UnrecognizedClientException}, ...); for an event, {@code BadRequestException}, sent as an exception
     * message in the stream.
     */
    public String errorType() {
        return isEventFailure() ? "BadRequestException" : reason.errorType;
    }

    /** The HTTP status for a failure before the stream; 400 for an event. */
    public int httpStatus() {
        return isEventFailure() ? 400 : reason.httpStatus;
    }
}
