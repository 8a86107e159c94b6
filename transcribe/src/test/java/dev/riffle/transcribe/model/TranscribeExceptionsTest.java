package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** From the service's error type to the exception: class, status, message, retryability. */
class TranscribeExceptionsTest {

    @ParameterizedTest
    @CsvSource({
        "BadRequestException, dev.riffle.transcribe.model.BadRequestException, 400",
        "ConflictException, dev.riffle.transcribe.model.ConflictException, 409",
        "LimitExceededException, dev.riffle.transcribe.model.LimitExceededException, 429",
        "InternalFailureException, dev.riffle.transcribe.model.InternalFailureException, 500",
        "ServiceUnavailableException, dev.riffle.transcribe.model.ServiceUnavailableException, 503"})
    void modeledTypesGetTheirClassAndTheModelsStatus(String type, String className, int status) {
        TranscribeServiceException e = TranscribeExceptions.fromService(type, "text", "req", 0);

        assertThat(e.getClass().getName()).isEqualTo(className);
        assertThat(e.errorType()).isEqualTo(type);
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @Test
    void theMessageKeepsTheServicesWordsAndTheRequestId() {
        TranscribeServiceException e = TranscribeExceptions.fromService("BadRequestException",
                "Your request timed out because no new audio was received for 15 seconds.", "8a08df7d", 400);

        assertThat(e).hasMessage("BadRequestException: Your request timed out because no new audio was received "
                + "for 15 seconds. (request id: 8a08df7d)");
        assertThat(e.errorMessage()).isEqualTo(
                "Your request timed out because no new audio was received for 15 seconds.");
        assertThat(e.requestId()).contains("8a08df7d");
    }

    @Test
    void withoutRequestIdOrMessageTheMessageSaysLess() {
        assertThat(TranscribeExceptions.fromService("ConflictException", "Another stream is in progress.", null, 409))
                .hasMessage("ConflictException: Another stream is in progress.");
        assertThat(TranscribeExceptions.fromService("ConflictException", null, null, 409))
                .hasMessage("ConflictException");
    }

    @Test
    void aColonSuffixIsStripped() {
        TranscribeServiceException e = TranscribeExceptions.fromService(
                "LimitExceededException:http://internal.amazon.com/coral/com.amazonaws.transcribe/", "m", null, 429);

        assertThat(e).isInstanceOf(LimitExceededException.class);
        assertThat(e.errorType()).isEqualTo("LimitExceededException");
    }

    @Test
    void aNamespacePrefixIsStripped() {
        assertThat(TranscribeExceptions.fromService("com.amazonaws.transcribestreaming#BadRequestException", "m",
                null, 400)).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvalidSignatureException", "UnrecognizedClientException", "ExpiredTokenException",
        "AccessDeniedException", "MissingAuthenticationTokenException"})
    void theAwsWideForbiddenTypesAreForbiddenExceptionsThatKeepTheirType(String type) {
        TranscribeServiceException e = TranscribeExceptions.fromService(type + ":", "The security token is bad.",
                "r", 403);

        assertThat(e).isInstanceOf(ForbiddenException.class).hasMessage(type
                + ": The security token is bad. (request id: r)");
        assertThat(e.errorType()).isEqualTo(type);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void anUnknownTypeKeepsItsNameAndStatus() {
        TranscribeServiceException e = TranscribeExceptions.fromService("SerializationException", "bad", "r", 400);

        assertThat(e.getClass()).isEqualTo(TranscribeServiceException.class);
        assertThat(e.errorType()).isEqualTo("SerializationException");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void noTypeAtAllIsAnUnknownError() {
        assertThat(TranscribeExceptions.fromService(null, "m", null, 502).errorType()).isEqualTo("UnknownError");
        assertThat(TranscribeExceptions.fromService(" : ", "m", null, 502).errorType()).isEqualTo("UnknownError");
    }

    /** Found by ExceptionPayloadJsonFuzzTest: trim() kept non-ASCII spaces, which made a blank type name. */
    @Test
    void aTypeOfUnicodeSpacesOrControlsIsNoType() {
        assertThat(TranscribeExceptions.fromService("\u2000:kA", "m", null, 400).errorType())
                .isEqualTo("UnknownError");
        assertThat(TranscribeExceptions.fromService("ns#\u00a0\u3000", "m", null, 400).errorType())
                .isEqualTo("UnknownError");
        assertThat(TranscribeExceptions.fromService("\u2003BadRequestException\u0000", "m", null, 400))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void aHeaderThatNamesNoTypeLeavesTheTypeToTheBody() {
        assertThat(TranscribeExceptions.fromErrorResponse("\u2000:x", new ExceptionPayload("ConflictException", "m"),
                null, 409)).isInstanceOf(ConflictException.class);
    }

    @Test
    void modeledTypesInsideTheStreamKeepTheModelsStatus() {
        // Inside the stream the HTTP status was 200; the AWS Java SDK reports the model's status, and so do we.
        assertThat(TranscribeExceptions.fromService("LimitExceededException", "m", null, 200).httpStatus())
                .isEqualTo(429);
    }

    @ParameterizedTest
    @CsvSource({"LimitExceededException, 429, true", "InternalFailureException, 500, true",
        "ServiceUnavailableException, 503, true", "ThrottlingException, 429, true", "Whatever, 503, true",
        "BadRequestException, 400, false", "ConflictException, 409, false", "BadGateway, 502, false",
        "SerializationException, 400, false"})
    void only429And500And503AreRetryable(String type, int status, boolean retryable) {
        assertThat(TranscribeExceptions.fromService(type, "m", null, status).isRetryable()).isEqualTo(retryable);
    }

    @Test
    void theErrorTypeHeaderWinsOverTheBody() {
        TranscribeServiceException e = TranscribeExceptions.fromErrorResponse("LimitExceededException",
                new ExceptionPayload("BadRequestException",
                        "You have reached your limit of concurrent streams, 5. Try again later."), "r", 429);

        assertThat(e).isInstanceOf(LimitExceededException.class)
                .hasMessage("LimitExceededException: You have reached your limit of concurrent streams, 5. "
                        + "Try again later. (request id: r)");
    }

    @Test
    void withoutTheHeaderTheBodyNamesTheType() {
        assertThat(TranscribeExceptions.fromErrorResponse(null,
                new ExceptionPayload("com.amazonaws.transcribe#BadRequestException", "m"), null, 400))
                .isInstanceOf(BadRequestException.class);
        assertThat(TranscribeExceptions.fromErrorResponse("", new ExceptionPayload(null, "m"), null, 503))
                .isExactlyInstanceOf(TranscribeServiceException.class).hasMessage("UnknownError: m");
    }

    @Test
    void transportFailuresAreNeitherServiceErrorsNorRetryable() {
        IOException reset = new IOException("Connection reset by peer");
        TranscribeTransportException e = new TranscribeTransportException(
                "connection reset after 12.5 s of streaming", "r", reset);

        assertThat(e).isNotInstanceOf(TranscribeServiceException.class).isInstanceOf(TranscribeException.class)
                .hasMessage("TransportFailure: connection reset after 12.5 s of streaming (request id: r)")
                .hasCause(reset);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.isRetryable()).isFalse();
    }
}
