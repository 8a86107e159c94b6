package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.emulator.transcript.ResultIdGenerator;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialScope;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.UriEncoding;
import dev.riffle.sigv4.VerifiedRequest;
import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.PiiEntityType;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Fuzzes what the emulator does with a client's request parameters, which are untrusted peer input: the
 * {@code x-amzn-transcribe-*} headers of an HTTP/2 request and the query of a WebSocket presigned URL, through the
 * front ends' own parsing ({@link Http2Session#plainHeaders}, {@link Admission#decodedQuery}), the
 * service's checks ({@link Admission#admit}, which validates), and, when they accept, everything an accepted request
 * is turned into: the echo in the response headers, the transcript engine and the audio clock, fed some audio.
 *
 * <p>Properties, for any parameters:
 * <ul>
 *   <li>the request is refused with a 400 BadRequestException whose message is the validation's, non-blank and
 *       no longer than its values quoted twice each and the wording, and whose JSON body reads back as the same message; or</li>
 *   <li>it is accepted, and then nothing downstream throws: the combination rules must have excluded whatever the
 *       engine cannot handle, and every echoed header value is one Netty's validation lets through (no CR, LF or
 *       NUL can split a response).</li>
 * </ul>
 * The signature is not what is fuzzed here: the verifier is replaced by one that accepts.
 *
 * <p>Random names and values rarely make a request the checks accept, so most inputs are built from the real
 * parameter names and values near theirs (real codes, rates at the edges of the range, booleans in any case, comma
 * lists with empty or repeated entries), mixed with random names, random text, control characters and long values.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl emulator test -Dtest=RequestParametersFuzzTest -Djazzer.max_duration=30m}.
 */
class RequestParametersFuzzTest {

    /**
     * The most a refusal's wording adds per parameter, beyond the values it quotes: two broken constraints (length
     * and pattern), the longest of which (the enum of language codes) is about 1,200 chars.
     */
    private static final int MAX_WORDING_CHARS_PER_PARAMETER = 2 * 1_300;

    private static final VerifiedRequest VERIFIED = new VerifiedRequest(
            Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID, EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY),
            new CredentialScope("20260101", "us-east-1", "transcribe"), "0".repeat(64), Instant.EPOCH);

    private static final EmulatorConfig CONFIG = EmulatorConfig.builder().build();

    /** The engine as {@link Emulator#start} builds it, with a script that has languages and PII in it. */
    private static final List<EmulatorContext.TranscriptionFactory> ENGINES = Stream.of("support-call", "briefing")
            .map(name -> Emulator.loadScript(Samples.script(name)))
            .<EmulatorContext.TranscriptionFactory>map(script -> request -> Emulator.transcriber(script, request,
                    ResultIdGenerator.seeded(7)))
            .toList();

    private static final List<String> LANGUAGE_CODES = LanguageCode.wireValues();
    private static final List<String> PII_TYPES = PiiEntityType.wireValues();

    /** Values at the edges of what some parameter allows, or just past them. */
    private static final List<String> ODD_VALUES = List.of("", " ", ",", ",,", "0", "-0", "+0", "1", "2", "3", "-1",
            "7999", "8000", "+8000", "08000", "16000", "48000", "48001", "300", "301", "2147483647", "2147483648",
            "-2147483649", "99999999999999999999", "1e4", "0x1F40", "16000.0", " 16000", "16000 ",
            "\u0661\u0666\u0660\u0660\u0660", "\uFF11\uFF16\uFF10\uFF10\uFF10", "true", "True", "TRUE", "tRuE",
            "false", "FALSE", "yes", "on", "null",
            "pcm", "PCM", "flac", "ogg-opus", "opus", "PII", "pii", "high", "medium", "low", "remove", "mask", "tag",
            "spoken", "written", "ALL", "NAME", "NAME,SSN", "NAME, SSN", " NAME", "NAME,", "NAME,,SSN", "ALL,NAME",
            "en-US", "en-us", "EN-US", "en", "en-US,de-DE", "en-US,en-GB", "en-US,en-US", "en-US,en-US,de-DE",
            "en-US,,de-DE", "-,-", "en-US,de-DE,fr-FR,ja-JP,ko-KR,zh-CN,hi-IN", "a.b,c-d,e_f", "my-vocab", "a b",
            "b4526fcf-5c3e-4b5c-9f3a-0123456789ab", "B4526FCF-5C3E-4B5C-9F3A-0123456789AB",
            "b4526fcf-5c3e-4b5c-9f3a-0123456789a", "\u0000", "a\r\nx-injected: 1", "\n", "\t", "\u007F", "\u00e9",
            "\uD835\uDC00", "\uD800", "'", "\"", "\\", "%00", "%zz", "%", "&", "=");

    private static final List<String> ENCODINGS = MediaEncoding.wireValues();

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void refusesCleanlyOrServes(FuzzedDataProvider data) {
        boolean http2 = data.consumeBoolean();
        List<String[]> parameters = parameters(data, http2);
        EmulatorContext context = new EmulatorContext(CONFIG, data.pickValue(ENGINES), Emulator::audioClock);
        Supplier<StartStreamTranscriptionRequest> request = http2 ? fromHeaders(parameters)
                : fromQuery(parameters, data);
        if (request == null) {
            return; // a query the WebSocket front end refuses before it reads parameters
        }
        TranscriptionSession session = new TranscriptionSession(context);
        Admission.Outcome outcome = Admission.admit(context, () -> VERIFIED, request, session);
        if (outcome.accepted()) {
            try {
                assertServes(context, outcome, data);
            } finally {
                context.sessions.remove(outcome.sessionId(), session);
            }
        } else {
            assertRefusedCleanly(outcome.refusal(), maxMessageChars(parameters));
        }
    }

    // ---- the front ends' parsing

    private static Supplier<StartStreamTranscriptionRequest> fromHeaders(List<String[]> parameters) {
        // Not validating: which bytes HPACK lets through is the codec's business; whatever it does, the parser must
        // cope with any value.
        Http2Headers headers = new DefaultHttp2Headers(false).method("POST").path(Http2Session.PATH)
                .authority("localhost");
        parameters.forEach(p -> headers.add(p[0], p[1]));
        Map<String, String> plain = Http2Session.plainHeaders(headers);
        return () -> StartStreamTranscriptionRequest.fromHeaders(plain);
    }

    private static Supplier<StartStreamTranscriptionRequest> fromQuery(List<String[]> parameters,
                                                                       FuzzedDataProvider data) {
        StringBuilder raw = new StringBuilder();
        for (String[] p : parameters) {
            raw.append(raw.length() > 0 ? "&" : "");
            boolean encode = data.consumeInt(0, 7) != 0;
            raw.append(encode ? UriEncoding.encode(p[0]) : p[0]).append('=')
                    .append(encode ? UriEncoding.encode(p[1]) : p[1]);
        }
        List<SignableRequest.Param> query = Admission.decodedQuery(raw.toString()).orElse(null);
        if (query == null) {
            return null;
        }
        Map<String, String> decoded = WebSocketUpgrade.parameters(query);
        return () -> StartStreamTranscriptionRequest.fromQueryParameters(decoded);
    }

    // ---- properties

    /**
     * The longest refusal {@code parameters} may get: the service quotes a value whole in each constraint it breaks
     * (so riffle does too, to agree with its messages), at most twice per parameter, and adds its wording. Linear in
     * the input, which the transports bound (HTTP/2's header list, the WebSocket request line).
     */
    private static int maxMessageChars(List<String[]> parameters) {
        int max = RequestParameter.values().length * MAX_WORDING_CHARS_PER_PARAMETER; // missing ones are named too
        for (String[] parameter : parameters) {
            max += 2 * parameter[1].length();
        }
        return max;
    }

    private static void assertRefusedCleanly(Admission.Refusal refusal, int maxMessageChars) {
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.errorType()).isEqualTo("BadRequestException");
        // Sizes, not the message: a failure must not print the megabytes it is about.
        assertThat(refusal.message().length()).as("length of the refusal's message").isPositive()
                .isLessThanOrEqualTo(maxMessageChars);
        assertThat(refusal.message().isBlank()).as("blank refusal message").isFalse();
        byte[] body = ErrorResponses.body(refusal.errorType(), refusal.message());
        String readBack = ExceptionPayloadJson.parse(body, 0, body.length).message();
        assertThat(readBack.equals(refusal.message())).as("the body reads back as the message %s, but as %s",
                visible(refusal.message()), visible(readBack)).isTrue();
        assertHeaderValuesValid(ErrorResponses.headers(refusal.status(), refusal.errorType(), "request-id"));
    }

    /** HTTP's optional whitespace, spaces and tabs (RFC 9110 section 5.6.3), and only those, taken off the ends. */
    private static String withoutSpacesAndTabsAround(String value) {
        return value.replaceAll("^[ \\t]+|[ \\t]+$", "");
    }

    private static void assertServes(EmulatorContext context, Admission.Outcome outcome, FuzzedDataProvider data) {
        StartStreamTranscriptionRequest request = outcome.request();
        assertThat(request.violations()).isEmpty();
        Http2Headers echo = Http2Session.acceptedHeaders("request-id", outcome);
        assertHeaderValuesValid(echo);
        for (RequestParameter parameter : RequestParameter.values()) {
            request.parameter(parameter).filter(value -> parameter != RequestParameter.SESSION_ID)
                    .ifPresent(value -> assertThat(echo.get(parameter.headerName()))
                            .hasToString(withoutSpacesAndTabsAround(value)));
        }
        HttpHeaders handshake = WebSocketUpgrade.handshakeHeaders("request-id", outcome.sessionId());
        assertThat(handshake.get("x-amzn-transcribe-session-id")).isEqualTo(outcome.sessionId());

        Transcription transcription = context.transcriptions.create(request);
        AudioClock clock = context.audioClocks.create(request);
        boolean pcm = request.mediaEncoding().orElseThrow() == MediaEncoding.PCM;
        for (int chunk = data.consumeInt(1, 3); chunk > 0; chunk--) {
            ByteBuffer audio = audio(request, data.consumeInt(0, 2000));
            double seconds = clock.advance(audio);
            transcription.accept(pcm ? audio : null, pcm ? seconds : seconds + 0.5 * chunk);
        }
        transcription.finish();
    }

    private static void assertHeaderValuesValid(Http2Headers headers) {
        // Netty validates names; adding every pair to validating headers is the check its codecs would make.
        DefaultHttp2Headers validating = new DefaultHttp2Headers(true, true, 16);
        headers.forEach(h -> validating.add(h.getKey(), h.getValue()));
        headers.forEach(h -> assertThat(h.getValue().toString()).doesNotContain("\r", "\n", "\u0000"));
    }

    /** {@code text} for a failure's description: short, and every character that is not printable ASCII escaped. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(400).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.append(text.length() > 400 ? "... (" + text.length() + " chars)" : "").toString();
    }

    // ---- inputs

    /** Name/value pairs: mostly real parameter names, each with a value near one it takes. */
    private static List<String[]> parameters(FuzzedDataProvider data, boolean http2) {
        List<String[]> pairs = new ArrayList<>();
        if (data.consumeInt(0, 3) != 0) { // usually the required ones, so that inputs get past them
            pairs.add(new String[] {name(RequestParameter.MEDIA_ENCODING, http2, data),
                    data.pickValue(ENCODINGS)});
            pairs.add(new String[] {name(RequestParameter.MEDIA_SAMPLE_RATE_HERTZ, http2, data), "16000"});
        }
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            if (data.consumeInt(0, 9) == 0) {
                pairs.add(new String[] {randomName(data, http2), value(data, null)});
            } else {
                RequestParameter parameter = data.pickValue(RequestParameter.values());
                pairs.add(new String[] {name(parameter, http2, data), value(data, parameter)});
            }
        }
        return pairs;
    }

    private static String name(RequestParameter parameter, boolean http2, FuzzedDataProvider data) {
        if (!http2) {
            return parameter.queryName();
        }
        return switch (data.consumeInt(0, 7)) {
            case 0 -> parameter.headerName().toUpperCase(Locale.ROOT);
            case 1 -> parameter.headerName().replace("x-amzn", "X-Amzn");
            default -> parameter.headerName();
        };
    }

    private static String randomName(FuzzedDataProvider data, boolean http2) {
        String tail = data.consumeString(16);
        return switch (data.consumeInt(0, 2)) {
            case 0 -> (http2 ? RequestParameter.HEADER_PREFIX : "") + tail;
            case 1 -> "X-Amz-" + tail;
            default -> tail;
        };
    }

    /** A value for {@code parameter} (null: any): plausible, odd, long, or the fuzzer's text. */
    private static String value(FuzzedDataProvider data, RequestParameter parameter) {
        return switch (data.consumeInt(0, 9)) {
            case 0, 1, 2, 3 -> parameter == null ? data.pickValue(ODD_VALUES) : plausible(parameter, data);
            case 4, 5 -> data.pickValue(ODD_VALUES);
            case 6 -> commaList(data);
            case 7 -> data.pickValue(ODD_VALUES).repeat(data.consumeInt(0, 4000));
            default -> data.consumeString(64);
        };
    }

    private static String plausible(RequestParameter parameter, FuzzedDataProvider data) {
        return switch (parameter) {
            case LANGUAGE_CODE, PREFERRED_LANGUAGE -> data.pickValue(LANGUAGE_CODES);
            case MEDIA_SAMPLE_RATE_HERTZ -> Integer.toString(data.consumeInt(7_999, 48_001));
            case MEDIA_ENCODING -> data.pickValue(ENCODINGS);
            case SESSION_ID -> "b4526fcf-5c3e-4b5c-9f3a-0123456789ab";
            case VOCABULARY_FILTER_METHOD -> data.pickValue(List.of("remove", "mask", "tag"));
            case SHOW_SPEAKER_LABEL, ENABLE_CHANNEL_IDENTIFICATION, ENABLE_PARTIAL_RESULTS_STABILIZATION,
                 IDENTIFY_LANGUAGE, IDENTIFY_MULTIPLE_LANGUAGES -> data.pickValue(List.of("true", "false", "True"));
            case NUMBER_OF_CHANNELS -> Integer.toString(data.consumeInt(1, 3));
            case PARTIAL_RESULTS_STABILITY -> data.pickValue(List.of("high", "medium", "low"));
            case CONTENT_IDENTIFICATION_TYPE, CONTENT_REDACTION_TYPE -> "PII";
            case PII_ENTITY_TYPES, LANGUAGE_OPTIONS -> commaList(data);
            case SESSION_RESUME_WINDOW -> Integer.toString(data.consumeInt(0, 301));
            case TRANSCRIPT_FORMAT -> data.pickValue(List.of("spoken", "written"));
            default -> data.pickValue(List.of("my-vocab", "a.b_c-1", "one,two"));
        };
    }

    /** Language codes or PII types, joined by commas, sometimes with a space, an empty or a repeated entry. */
    private static String commaList(FuzzedDataProvider data) {
        List<String> pool = data.consumeBoolean() ? LANGUAGE_CODES : PII_TYPES;
        List<String> entries = new ArrayList<>();
        for (int n = data.consumeInt(0, 6); n > 0; n--) {
            entries.add(switch (data.consumeInt(0, 9)) {
                case 0 -> "";
                case 1 -> " " + data.pickValue(pool);
                case 2 -> entries.isEmpty() ? data.pickValue(pool) : entries.get(0);
                default -> data.pickValue(pool);
            });
        }
        return String.join(",", entries);
    }

    /** Audio of the request's shape: loud PCM frames that speech detection hears, or bytes of a container. */
    private static ByteBuffer audio(StartStreamTranscriptionRequest request, int frames) {
        int channels = request.numberOfChannels().orElse(1);
        ByteBuffer audio = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames * channels; i++) {
            audio.putShort((short) ((i % 40 < 20) ? 12_000 : -12_000));
        }
        return audio.flip();
    }
}
