package dev.riffle.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one worker's run, read back from its JSON ({@code riffle bench --json}'s shape), plus the CPU the
 * emulator process spent meanwhile. Nested objects are flattened: {@code finalLatencyMillis.p99}.
 *
 * @param client          {@code riffle} or {@code aws-sdk-java-v2}
 * @param streams         streams the run opened
 * @param json            the worker's JSON line, kept for the raw results file
 * @param numbers         every number in it, by flattened name
 * @param emulatorCpuSeconds CPU the emulator process used during the run
 */
record RunFigures(String client, int streams, String json, Map<String, Double> numbers,
                  double emulatorCpuSeconds) {

    /** Reads a worker's JSON line. */
    static RunFigures parse(String json, double emulatorCpuSeconds) throws IOException {
        Map<String, Double> numbers = new LinkedHashMap<>();
        String client = null;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the worker's figures are not a JSON object: " + json);
            }
            String prefix = "";
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> prefix = parser.currentName() + ".";
                    case END_OBJECT -> prefix = "";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numbers.put(prefix + parser.currentName(),
                            parser.getDoubleValue());
                    case VALUE_STRING -> {
                        if ("client".equals(parser.currentName())) {
                            client = parser.getText();
                        }
                    }
                    default -> {
                        // field names and booleans: nothing to keep
                    }
                }
            }
        }
        if (client == null || !numbers.containsKey("streams")) {
            throw new IOException("the worker's figures lack the client or the stream count: " + json);
        }
        return new RunFigures(client, (int) Math.round(numbers.get("streams")), json, numbers, emulatorCpuSeconds);
    }

    /** The figure called {@code name}, such as {@code cpuSecondsPerAudioHour}; NaN if the run did not report it. */
    double get(String name) {
        if (name.equals(EMULATOR_CPU_PER_AUDIO_HOUR)) {
            double audio = get("audioSeconds");
            return audio > 0 ? emulatorCpuSeconds / (audio / 3600) : Double.NaN;
        }
        Double value = numbers.get(name);
        return value == null ? Double.NaN : value;
    }

    /** The client JVM's CPU seconds per audio hour, as the worker reports it. */
    static final String CPU_PER_AUDIO_HOUR = "cpuSecondsPerAudioHour";

    /** The emulator's CPU seconds per audio hour during this run: derived, not in the worker's JSON. */
    static final String EMULATOR_CPU_PER_AUDIO_HOUR = "emulatorCpuSecondsPerAudioHour";

    /**
     * Whether every stream stayed healthy: all completed, every checked transcript correct, and the p99 latency
     * of final results within {@code p99LimitMillis}.
     */
    boolean healthy(double p99LimitMillis) {
        return get("completed") == streams && get("failed") == 0
                && get("transcriptsCorrect") == get("transcriptsChecked")
                && get("finalLatencyMillis.p99") <= p99LimitMillis;
    }
}
