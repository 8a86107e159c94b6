package dev.riffle.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riffle.eventstream.SharedVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The SigV4 vectors under {@code ../shared/conformance/sigv4}, read in place. */
final class SigV4Vectors {

    private SigV4Vectors() {
    }

    static Path dir() {
        return SharedVectors.sharedDir().resolve("conformance/sigv4");
    }

    static JsonNode read(String file) {
        try {
            return SharedVectors.JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case of a suite file, named. */
    static List<Named> cases(String file) {
        List<Named> out = new ArrayList<>();
        for (JsonNode c : read(file).get("cases")) {
            out.add(new Named(c.get("id").asText(), c));
        }
        return out;
    }

    /** The event-stream vector files. */
    static Stream<Named> eventFiles() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("eventstream-")).sorted()
                    .map(n -> new Named(n, read(n))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A published canonical request as riffle's diagnostic copy shows it: the session token's value, in its header
     * line or its query parameter, replaced by {@link RequestSigner#REDACTED}. The signature and string to sign are
     * still compared unredacted, so the real canonical request is still checked through its hash.
     */
    static String withTokenRedacted(String canonicalRequest) {
        return canonicalRequest
                .replaceAll("(?m)^x-amz-security-token:.*$", "x-amz-security-token:" + RequestSigner.REDACTED)
                .replaceAll("X-Amz-Security-Token=[^&\n]*", "X-Amz-Security-Token=" + RequestSigner.REDACTED);
    }

    static Credentials credentials(JsonNode c) {
        JsonNode token = c.has("token") ? c.get("token") : c.get("session_token");
        return Credentials.of(c.get("access_key_id").asText(), c.get("secret_access_key").asText(),
                token == null || token.isNull() ? null : token.asText());
    }

    static Instant instant(String iso) {
        return Instant.parse(iso);
    }

    static byte[] hex(String hex) {
        return Hex.decode(hex);
    }

    /** A JSON node with a display name, for parameterized tests. */
    record Named(String name, JsonNode node) {
        @Override
        public String toString() {
            return name;
        }
    }
}
