package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official AWS SDK for JavaScript v3 ({@code @aws-sdk/client-transcribe-streaming} 3.1141.0, run by the machine's
 * Node.js) streams the {@code briefing} sample to the emulator and must get the sample's transcript, partials first,
 * over both of its transports:
 *
 * <ul>
 *   <li><b>WebSocket</b>, wired as the client's browser runtime configuration wires it ({@code WebSocketFetchHandler},
 *       and Transcribe's pass-through event-stream payload handler), with the {@code ws} package as the browser's
 *       {@code WebSocket}. That peer presigns {@code wss://HOST:8443} itself (only {@code host} signed, 60 s expiry),
 *       sends every audio event <em>unsigned</em>, then its event-stream encoder's end marker as an empty frame (no
 *       event), and closes the socket with 1000 at once. Getting the whole transcript, the last finals included,
 *       proves that the emulator passes over the empty frame, takes the close as the end of input, and still
 *       answers before closing;</li>
 *   <li><b>HTTP/2</b>, the client's Node default ({@code NodeHttp2Handler}, SigV4 request and chained event
 *       signatures) over h2c: the SDK signs the {@code :authority} pseudo-header as {@code host}, which the
 *       verifier accepts.</li>
 * </ul>
 *
 * The Node project ({@code src/test/js}: exact versions and a lock file) is installed with {@code npm ci} into
 * {@code target/js-conformance} once per build. Without {@code node} and {@code npm} on the PATH, or with a Node.js
 * older than the SDK supports, the test is skipped, saying why.
 */
@Timeout(90)
class JavaScriptSdkConformanceTest {

    private static final String SAMPLE = "briefing";
    /** The WebSocket peer always dials 8443, the service's WebSocket port: the emulator has to be there. */
    private static final int WEBSOCKET_PORT = 8443;
    private static final int MIN_NODE_MAJOR = 20; // the "engines" of @aws-sdk/client-transcribe-streaming 3.1141.0
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", "transcribe.mjs");

    private static Path node;
    private static Path project;
    /** Why the tests cannot run here, or null. */
    private static String skipped;

    @TempDir
    Path temp;
    private Emulator emulator;

    @BeforeAll
    static void installTheSdk() throws Exception {
        Optional<Path> nodeOnPath = onPath("node");
        Optional<Path> npmOnPath = onPath("npm");
        if (nodeOnPath.isEmpty() || npmOnPath.isEmpty()) {
            skip("skipped: node and npm are needed for the JavaScript SDK conformance test");
            return;
        }
        node = nodeOnPath.get();
        String version = run(List.of(node.toString(), "--version"), Path.of("."), Map.of(), Duration.ofSeconds(20))
                .expectSuccess("node --version").stdout().trim();
        if (major(version) < MIN_NODE_MAJOR) {
            skip("skipped: the JavaScript SDK conformance test needs Node.js " + MIN_NODE_MAJOR + " or later (the "
                    + "SDK's own minimum); found " + version);
            return;
        }
        project = install(npmOnPath.get());
    }

    /**
     * Surefire does not report a class aborted in {@code @BeforeAll} at all, so each test is skipped on its own
     * (the reason lands in the report), and the reason is printed once for the console.
     */
    private static void skip(String reason) {
        skipped = reason;
        System.err.println(JavaScriptSdkConformanceTest.class.getSimpleName() + ": " + reason);
    }

    @BeforeEach
    void skipWithoutNode() {
        if (skipped != null) {
            Assumptions.abort(skipped);
        }
    }

    /**
     * Copies the Node project into {@code target/js-conformance} and runs {@code npm ci} there, unless the same
     * package.json and lock file were installed there before (the stamp holds their hash), so that node_modules
     * never lands in the source tree and a rebuild does not reinstall.
     */
    private static Path install(Path npm) throws Exception {
        Path source = moduleDir().resolve("src/test/js");
        Path target = moduleDir().resolve("target/js-conformance");
        Files.createDirectories(target);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : PROJECT_FILES) {
            Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            if (file.startsWith("package")) {
                digest.update(Files.readAllBytes(source.resolve(file)));
            }
        }
        String installed = HexFormat.of().formatHex(digest.digest());
        Path stamp = target.resolve(".installed");
        boolean current = Files.isDirectory(target.resolve("node_modules")) && Files.isRegularFile(stamp)
                && Files.readString(stamp).equals(installed);
        if (!current) {
            Files.deleteIfExists(stamp);
            run(List.of(npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"),
                    target, Map.of(), INSTALL_TIMEOUT).expectSuccess("npm ci in " + target);
            Files.writeString(stamp, installed);
        }
        return target;
    }

    @AfterEach
    void stopTheEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void browserStyleWebSocketClientGetsTheTranscriptWithUnsignedFramesAndItsEarlyClose() throws Exception {
        emulator = startOnBusyPort(EmulatorConfig.builder().tls(true).port(WEBSOCKET_PORT)
                .script(Samples.script(SAMPLE)).aheadOfRealTimeAllowance(null).build());
        Path trusted = emulator.certificate().orElseThrow().writeCertificatePem(temp.resolve("emulator.pem"));

        // No port in the endpoint: the client adds :8443 to the host itself, and signs it so.
        SdkRun run = transcribe("websocket", "https://127.0.0.1", Map.of("NODE_EXTRA_CA_CERTS", trusted.toString()));

        Map<String, Object> summary = run.summary();
        assertThat(summary).as(run.diagnostics())
                .containsEntry("clientVersion", "3.1141.0")
                // the presigned URL as a browser gets it
                .containsEntry("urlHost", "127.0.0.1:" + WEBSOCKET_PORT)
                .containsEntry("signedHeaders", "host")
                .containsEntry("expires", 60L)
                .containsEntry("signedFrames", 0L)
                // its encoder's end marker, sent as an empty frame: no event, so only the close can end the input
                .containsEntry("emptyFrames", 1L)
                .containsEntry("clientCloseCode", 1000L) // its own close, right after that
                .containsEntry("socketCloseCode", 1000L); // and the emulator's answer: a normal end
        assertThat((Long) summary.get("framesSent")).as(run.diagnostics())
                .isEqualTo((Long) summary.get("audioChunks") + 1);
        // The last final came after the client had closed: the close did not cut the stream short.
        assertThat(run.lines("result")).as(run.diagnostics()).filteredOn(r -> Boolean.FALSE.equals(r.get("partial")))
                .last().satisfies(last -> assertThat(last).containsEntry("afterClientClose", true));
        assertThat(run.response()).as(run.diagnostics()).containsEntry("attempts", 1L);
        assertTranscript(run);
        awaitNoLiveStreams();
    }

    /**
     * The Node.js default: HTTP/2 with the signing event-stream handler. The SDK signs the HTTP/2 pseudo-header
     * {@code :authority} rather than {@code host} (aws-sdk-js-v3 #3796/#3797), which the service accepts.
     */
    @Test
    void nodeDefaultHttp2ClientGetsTheTranscript() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().script(Samples.script(SAMPLE))
                .aheadOfRealTimeAllowance(null).build());

        SdkRun run = transcribe("http2", emulator.uri().toString(), Map.of());

        assertThat(run.summary()).as(run.diagnostics()).containsEntry("clientVersion", "3.1141.0");
        assertThat(run.response()).as(run.diagnostics())
                .containsEntry("attempts", 1L)
                .containsEntry("mediaSampleRateHertz", 16_000L)
                .hasEntrySatisfying("requestId", id -> assertThat(id).isInstanceOf(String.class))
                .hasEntrySatisfying("sessionId", id -> assertThat(id).isInstanceOf(String.class));
        assertTranscript(run);
        awaitNoLiveStreams();
    }

    /** The finals, joined in the order they arrived, are the sample's text; and some partial came too. */
    private static void assertTranscript(SdkRun run) {
        List<Map<String, Object>> results = run.lines("result");
        String finals = Samples.normalise(results.stream().filter(r -> Boolean.FALSE.equals(r.get("partial")))
                .map(r -> (String) r.get("transcript")).collect(Collectors.joining(" ")));
        assertThat(finals).as(run.diagnostics()).isEqualTo(Samples.transcript(SAMPLE));
        assertThat(results).as(run.diagnostics()).anyMatch(r -> Boolean.TRUE.equals(r.get("partial")));
    }

    private void awaitNoLiveStreams() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.liveStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(emulator.liveStreams()).as("streams left open in the emulator").isZero();
    }

    /**
     * Starts an emulator on a fixed port, waiting for it while another build on this machine (another checkout
     * running this test) holds it.
     */
    private static Emulator startOnBusyPort(EmulatorConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return Emulator.start(config);
            } catch (IllegalStateException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Runs the Node script against {@code endpoint}; fails, with what Node printed, unless it exits with 0. */
    private SdkRun transcribe(String transport, String endpoint, Map<String, String> env) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("AWS_ACCESS_KEY_ID", EmulatorConfig.EXAMPLE_ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
        ProcessOutput output = run(List.of(node.toString(), "transcribe.mjs", "--transport", transport,
                "--endpoint", endpoint, "--audio", Samples.wav(SAMPLE).toAbsolutePath().toString(),
                "--region", "us-west-2"), project, environment, RUN_TIMEOUT);
        output.expectSuccess("the SDK over " + transport);
        return new SdkRun(output, parseLines(output.stdout()));
    }

    // ---- processes

    record ProcessOutput(String command, int exitCode, String stdout, String stderr, Duration took) {

        ProcessOutput expectSuccess(String what) {
            if (exitCode != 0) {
                fail(what + " failed (" + command + ", exit " + exitCode + ", " + took.toMillis() + " ms)\nstdout:\n"
                        + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    /**
     * Runs a command with output to files (a full pipe cannot stall it) and a deadline. The environment is the
     * inherited one without any {@code AWS_} variable, so the caller's own AWS settings cannot leak in, plus
     * {@code env}.
     */
    private static ProcessOutput run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("riffle-js-", ".out");
        Path err = Files.createTempFile("riffle-js-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close(); // nothing to read: a prompt would see end of input, not wait
            String shown = String.join(" ", command);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(shown + " did not finish within " + timeout.toSeconds() + " s\nstdout:\n"
                        + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new ProcessOutput(shown, process.exitValue(), Files.readString(out), Files.readString(err),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code v20.20.2} to 20. */
    private static int major(String nodeVersion) {
        String digits = nodeVersion.startsWith("v") ? nodeVersion.substring(1) : nodeVersion;
        int dot = digits.indexOf('.');
        return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    // ---- what the script printed

    /** The script's JSON lines, each a flat object (nested values are skipped: the test reads none). */
    record SdkRun(ProcessOutput output, List<Map<String, Object>> lines) {

        List<Map<String, Object>> lines(String type) {
            return lines.stream().filter(l -> type.equals(l.get("type"))).toList();
        }

        Map<String, Object> response() {
            return only("response");
        }

        Map<String, Object> summary() {
            return only("summary");
        }

        private Map<String, Object> only(String type) {
            List<Map<String, Object>> found = lines(type);
            if (found.size() != 1) {
                fail("expected one " + type + " line, found " + found.size() + "\n" + diagnostics());
            }
            return found.get(0);
        }

        String diagnostics() {
            return "the SDK's output (" + output.took().toMillis() + " ms)\nstdout:\n" + output.stdout()
                    + "\nstderr:\n" + output.stderr();
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private static List<Map<String, Object>> parseLines(String stdout) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(parseFlatObject(line));
            }
        }
        return lines;
    }

    private static Map<String, Object> parseFlatObject(String json) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                object.put(name, switch (value) {
                    case VALUE_STRING -> parser.getText();
                    case VALUE_NUMBER_INT -> parser.getLongValue();
                    case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case START_OBJECT, START_ARRAY -> {
                        parser.skipChildren();
                        yield null;
                    }
                    default -> null;
                });
            }
        }
        return object;
    }
}
