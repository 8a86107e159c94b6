package dev.riffle.cli.transcribe;

import static dev.riffle.transcribe.model.RequestParameter.CONTENT_IDENTIFICATION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.CONTENT_REDACTION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.ENABLE_CHANNEL_IDENTIFICATION;
import static dev.riffle.transcribe.model.RequestParameter.ENABLE_PARTIAL_RESULTS_STABILIZATION;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_MULTIPLE_LANGUAGES;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_CODE;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_MODEL_NAME;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_OPTIONS;
import static dev.riffle.transcribe.model.RequestParameter.MEDIA_ENCODING;
import static dev.riffle.transcribe.model.RequestParameter.MEDIA_SAMPLE_RATE_HERTZ;
import static dev.riffle.transcribe.model.RequestParameter.NUMBER_OF_CHANNELS;
import static dev.riffle.transcribe.model.RequestParameter.PARTIAL_RESULTS_STABILITY;
import static dev.riffle.transcribe.model.RequestParameter.PII_ENTITY_TYPES;
import static dev.riffle.transcribe.model.RequestParameter.PREFERRED_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.SESSION_ID;
import static dev.riffle.transcribe.model.RequestParameter.SESSION_RESUME_WINDOW;
import static dev.riffle.transcribe.model.RequestParameter.SHOW_SPEAKER_LABEL;
import static dev.riffle.transcribe.model.RequestParameter.TRANSCRIPT_FORMAT;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_METHOD;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAMES;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAMES;

import dev.riffle.transcribe.model.RequestParameter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The request parameters of StartStreamTranscription as options named as the service names them on the wire
 * ({@code --vocabulary-name} for {@code x-amzn-transcribe-vocabulary-name}), generated from
 * {@link RequestParameter}, so a parameter the model gains becomes an option too. Values are passed through as
 * given; the request's own validation reports a bad one in the service's words.
 *
 * <p>Not here: what the audio decides ({@code media-encoding}, and {@code sample-rate} and
 * {@code number-of-channels}, which are options of their own because they describe raw PCM), and
 * {@code partial-results-stability}, which is {@code --stability}.
 */
final class ServiceParameterOptions {

    /** Parameters with options of their own, or set from the audio. */
    static final Set<RequestParameter> NOT_GENERATED = EnumSet.of(MEDIA_ENCODING, MEDIA_SAMPLE_RATE_HERTZ,
            NUMBER_OF_CHANNELS, PARTIAL_RESULTS_STABILITY);

    /** Boolean parameters: a bare flag means true, and {@code --flag=false} is accepted. */
    private static final Set<RequestParameter> FLAGS = EnumSet.of(SHOW_SPEAKER_LABEL, ENABLE_CHANNEL_IDENTIFICATION,
            ENABLE_PARTIAL_RESULTS_STABILIZATION, IDENTIFY_LANGUAGE, IDENTIFY_MULTIPLE_LANGUAGES);

    private static final Map<RequestParameter, String[]> HELP = new EnumMap<>(Map.ofEntries(
            Map.entry(LANGUAGE_CODE, new String[] {"CODE", "Language spoken (default: en-US, unless identifying it)."}),
            Map.entry(VOCABULARY_NAME, new String[] {"NAME", "Custom vocabulary."}),
            Map.entry(SESSION_ID, new String[] {"UUID", "Session id; the service makes one when absent."}),
            Map.entry(VOCABULARY_FILTER_NAME, new String[] {"NAME", "Vocabulary filter."}),
            Map.entry(VOCABULARY_FILTER_METHOD, new String[] {"METHOD", "remove, mask or tag filtered words."}),
            Map.entry(SHOW_SPEAKER_LABEL, new String[] {"BOOL", "Label speakers (diarization)."}),
            Map.entry(ENABLE_CHANNEL_IDENTIFICATION, new String[] {"BOOL",
                "Transcribe each channel apart (default: on for stereo audio)."}),
            Map.entry(ENABLE_PARTIAL_RESULTS_STABILIZATION, new String[] {"BOOL",
                "Partial-results stabilization (--stability sets it)."}),
            Map.entry(CONTENT_IDENTIFICATION_TYPE, new String[] {"TYPE", "PII: mark personal information."}),
            Map.entry(CONTENT_REDACTION_TYPE, new String[] {"TYPE", "PII: redact personal information."}),
            Map.entry(PII_ENTITY_TYPES, new String[] {"TYPES", "Comma-separated PII types, e.g. NAME,SSN."}),
            Map.entry(LANGUAGE_MODEL_NAME, new String[] {"NAME", "Custom language model."}),
            Map.entry(IDENTIFY_LANGUAGE, new String[] {"BOOL", "Identify the language (with --language-options)."}),
            Map.entry(LANGUAGE_OPTIONS, new String[] {"CODES", "Comma-separated candidate languages."}),
            Map.entry(PREFERRED_LANGUAGE, new String[] {"CODE", "Preferred among --language-options."}),
            Map.entry(IDENTIFY_MULTIPLE_LANGUAGES, new String[] {"BOOL",
                    "Identify several languages (with --language-options; PCM only)."}),
            Map.entry(VOCABULARY_NAMES, new String[] {"NAMES", "Comma-separated vocabularies, one per language."}),
            Map.entry(VOCABULARY_FILTER_NAMES, new String[] {"NAMES", "Comma-separated filters, one per language."}),
            Map.entry(SESSION_RESUME_WINDOW, new String[] {"MINUTES", "Session resume window, 1-300 minutes."}),
            Map.entry(TRANSCRIPT_FORMAT, new String[] {"FORMAT", "spoken or written."})));

    private ServiceParameterOptions() {
    }

    /** Adds an option for each generated parameter to {@code command}, whose values go into {@code values}. */
    static void addTo(CommandLine command, Map<RequestParameter, String> values) {
        CommandSpec spec = command.getCommandSpec();
        for (RequestParameter parameter : RequestParameter.values()) {
            if (NOT_GENERATED.contains(parameter)) {
                continue;
            }
            String[] help = HELP.getOrDefault(parameter, new String[] {"VALUE", "Sent as " + parameter.headerName()
                    + "."});
            OptionSpec.Builder option = OptionSpec.builder("--" + parameter.queryName()).type(String.class)
                    .paramLabel(help[0]).description(help[1])
                    .setter(new CommandLine.Model.ISetter() {
                        @Override
                        public <T> T set(T value) {
                            if (value != null) {
                                values.put(parameter, (String) value);
                            }
                            return null;
                        }
                    });
            if (FLAGS.contains(parameter)) {
                option.arity("0..1").fallbackValue("true").paramLabel("true|false");
            }
            spec.addOption(option.build());
        }
    }
}
