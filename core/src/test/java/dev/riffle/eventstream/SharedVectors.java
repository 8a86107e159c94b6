package dev.riffle.eventstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The event-stream vectors under {@code ../shared/conformance/eventstream}, read in place (never copied). */
public final class SharedVectors {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One manifest entry. */
    public record Vector(String id, Path encoded, Path decoded, boolean gzip, boolean expectSuccess, boolean policyDependent,
                  String referenceError, String notes) {

        public byte[] encodedBytes() {
            try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(encoded), 1 << 16)
                    : Files.newInputStream(encoded)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public JsonNode decodedJson() {
            try {
                return JSON.readTree(decoded.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private SharedVectors() {
    }

    public static Path eventStreamDir() {
        return sharedDir().resolve("conformance/eventstream");
    }

    /** The shared folder: from -Driffle.shared (set by the build), else the nearest ../shared upward. */
    public static Path sharedDir() {
        String configured = System.getProperty("riffle.shared");
        if (configured != null && Files.isDirectory(Paths.get(configured, "conformance"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find ../shared/conformance; set -Driffle.shared");
    }

    public static List<Vector> all() {
        Path dir = eventStreamDir();
        try {
            JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : manifest.get("vectors")) {
                vectors.add(new Vector(v.get("id").asText(), dir.resolve(v.get("encoded").asText()),
                        dir.resolve(v.get("decoded").asText()), "gzip".equals(v.path("compression").asText(null)),
                        "success".equals(v.get("expect").asText()), v.get("policy_dependent").asBoolean(),
                        v.path("reference_decoder_error").asText(null), v.path("notes").asText("")));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Vector> positives() {
        return all().stream().filter(Vector::expectSuccess).toList();
    }
}
