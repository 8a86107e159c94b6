package dev.riffle.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.cli.CliProcess;
import dev.riffle.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code riffle serve} as a process of its own (it runs until a signal), with {@code riffle transcribe} as its
 * client.
 */
class ServeCommandTest {

    @TempDir
    Path home;

    private static Path samples() {
        return Path.of(System.getProperty("riffle.samples", "../samples"));
    }

    private static List<String> recipeTranscript() throws Exception {
        return Files.readAllLines(samples().resolve("recipe.txt")).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void servesUntilSigtermThenExits0() throws Exception {
        try (CliProcess serve = CliProcess.start(home, "serve", "--port", "0", "--script",
                samples().resolve("recipe.json").toString(), "--realtime-allowance", "0")) {
            String listening = serve.readLine();
            assertThat(listening).matches("listening on http://127\\.0\\.0\\.1:[0-9]+");
            String endpoint = listening.substring("listening on ".length());

            CliRun run = CliRun.run("transcribe", samples().resolve("recipe.wav").toString(), "--endpoint", endpoint,
                    "--pace", "unlimited");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.outText().lines()).containsExactlyElementsOf(recipeTranscript());

            serve.signal("TERM");
            assertThat(serve.exitStatus(15)).as(serve.err()).isZero();
        }
    }

    @Test
    void aStreamOpenWhenStoppedEndsWithAnErrorAndTheServerStillExits0() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(CliProcess.interruptIgnored(), "SIGINT is ignored in this "
                + "build's process (started in the background?); run mvn verify in the foreground");
        try (CliProcess serve = CliProcess.start(home, "serve", "--port", "0", "--script",
                samples().resolve("recipe.json").toString())) {
            String endpoint = serve.readLine().substring("listening on ".length());
            CompletableFuture<CliRun> client = CompletableFuture.supplyAsync(() -> CliRun.run("transcribe",
                    samples().resolve("recipe.wav").toString(), "--endpoint", endpoint, "--output", "text"));
            Thread.sleep(3000); // the stream is open and about 3 s of audio in

            serve.signal("INT");

            assertThat(serve.exitStatus(15)).as(serve.err()).isZero();
            CliRun run = client.get();
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).startsWith("riffle transcribe: ");
        }
    }

    @Test
    void withTlsItPrintsItsCertificateWhichTheClientCanTrust() throws Exception {
        try (CliProcess serve = CliProcess.start(home, "serve", "--port", "0", "--tls", "--script",
                samples().resolve("recipe.json").toString(), "--realtime-allowance", "0")) {
            String listening = serve.readLine();
            assertThat(listening).matches("listening on https://127\\.0\\.0\\.1:[0-9]+");
            String certificate = serve.readLine();
            assertThat(certificate).startsWith("certificate ");
            Path pem = Path.of(certificate.substring("certificate ".length()));
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");

            String endpoint = listening.substring("listening on ".length());
            CliRun trusted = CliRun.run("transcribe", samples().resolve("recipe.wav").toString(), "--endpoint",
                    endpoint, "--pace", "unlimited", "--ca-bundle", pem.toString());
            assertThat(trusted.status()).as(trusted.err()).isZero();
            assertThat(trusted.outText().lines()).containsExactlyElementsOf(recipeTranscript());

            CliRun untrusted = CliRun.run("transcribe", samples().resolve("recipe.wav").toString(), "--endpoint",
                    endpoint, "--pace", "unlimited");
            assertThat(untrusted.status()).isEqualTo(1);
            assertThat(untrusted.err()).startsWith("riffle transcribe: ");

            serve.signal("TERM");
            assertThat(serve.exitStatus(15)).isZero();
        }
    }

    static List<Arguments> misbehavingPeers() {
        byte[] dataBeforeSettings = {0, 0, 4, 0, 0, 0, 0, 0, 1, 'o', 'o', 'p', 's'};
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] http2Garbage = java.util.Arrays.copyOf(preface, preface.length + dataBeforeSettings.length);
        System.arraycopy(dataBeforeSettings, 0, http2Garbage, preface.length, dataBeforeSettings.length);
        byte[] plainHttp = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] brokenHandshake = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5}; // a handshake record of garbage
        return List.of(
                Arguments.of("an HTTP/2 preface, then DATA before SETTINGS", List.of(), http2Garbage),
                Arguments.of("plain HTTP on a TLS port", List.of("--tls"), plainHttp),
                Arguments.of("a TLS handshake record of garbage", List.of("--tls"), brokenHandshake));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehavingPeers")
    void aMisbehavingPeerIsDisconnectedAndLeavesNoStackTraceInTheLog(String what, List<String> flags, byte[] bytes)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(flags);
        try (CliProcess serve = CliProcess.start(home, args.toArray(String[]::new))) {
            java.net.URI endpoint = java.net.URI.create(serve.readLine().substring("listening on ".length()));
            try (java.net.Socket peer = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
                peer.setSoTimeout(10_000);
                peer.getOutputStream().write(bytes);
                peer.getInputStream().readAllBytes(); // whatever the answer, it ends with the connection closed
            }

            serve.signal("TERM");
            assertThat(serve.exitStatus(15)).isZero();
            assertThat(serve.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aBadTlsRecordHalfwayThroughAnHttpRequestLeavesNoStackTraceInTheLog() throws Exception {
        try (CliProcess serve = CliProcess.start(home, "serve", "--port", "0", "--tls")) {
            java.net.URI endpoint = java.net.URI.create(serve.readLine().substring("listening on ".length()));
            try (java.net.Socket tcp = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
                tcp.setSoTimeout(10_000);
                javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
                trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                    @Override
                    public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
                    }

                    @Override
                    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                    }

                    @Override
                    public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                        return new java.security.cert.X509Certificate[0];
                    }
                }}, null);
                javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory()
                        .createSocket(tcp, endpoint.getHost(), endpoint.getPort(), false);
                tls.setEnabledProtocols(new String[] {"TLSv1.2"});
                tls.startHandshake();
                tls.getOutputStream().write("GET /stream-transcription-websocket HTTP/1.1\r\n"
                        .getBytes(StandardCharsets.US_ASCII)); // the HTTP/1.1 handlers are in place, no upgrade yet
                tls.getOutputStream().flush();
                Thread.sleep(200);
                tcp.getOutputStream().write(new byte[] {0x17, 0x03, 0x03, 0x00, 0x20}); // application data record
                tcp.getOutputStream().write(new byte[32]); // that does not decrypt
                tcp.getInputStream().readAllBytes();
            }

            serve.signal("TERM");
            assertThat(serve.exitStatus(15)).isZero();
            assertThat(serve.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    static List<Arguments> unusableArguments() {
        return List.of(
                Arguments.of(List.of("--fault", "earthquake@3"), "earthquake"),
                Arguments.of(List.of("--script-repeat", "5"), "--script-repeat needs --script"),
                Arguments.of(List.of("--script", "/nonexistent/script.json"), "no such file"),
                Arguments.of(List.of("--script", samples().resolve("recipe.json").toString(), "--script-repeat", "2"),
                        "ends at"),
                Arguments.of(List.of("--cert", "/nonexistent/cert.pem"), "--cert and --key go together"),
                Arguments.of(List.of("--port", "70000"), "port"),
                Arguments.of(List.of("--max-streams", "-1"), "--max-streams must be at least 1"),
                Arguments.of(List.of("--region", "us east 1"), "'us east 1' is not an AWS region name"),
                Arguments.of(List.of("--realtime-allowance", "-5"), "--realtime-allowance must be 0 (off) to 14400"),
                Arguments.of(List.of("--realtime-allowance", "NaN"), "--realtime-allowance must be 0 (off)"));
    }

    @Test
    void anAddressThisHostDoesNotHaveExits1NamingTheReason() {
        CliRun run = CliRun.run("serve", "--host", "192.0.2.1", "--port", "0"); // TEST-NET-1 (RFC 5737)

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("riffle serve: cannot listen on 192.0.2.1:0: ").doesNotContain("\tat ");
        assertThat(run.outText()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("unusableArguments")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an accepted argument would serve on
    void unusableArgumentsExit2AndSayWhy(List<String> args, String why) {
        CliRun run = CliRun.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("serve"), args.stream())
                .toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("riffle serve: ").contains(why).doesNotContain("\tat ");
        assertThat(run.outText()).isEmpty();
    }
}
