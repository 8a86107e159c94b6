package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.RetryPolicy;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.TranscriptionStream;
import dev.riffle.transcribe.model.ForbiddenException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.http2.Http2Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An emulator set to a region refuses a client that signed for another, as the service's regional endpoint does;
 * by default it takes every region.
 */
class EmulatorRegionTest {

    private Emulator emulator;
    private TranscribeStreamingClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aClientSigningForAnotherRegionIsRefusedWithTheServicesMessage() {
        emulator = Emulator.start(EmulatorConfig.builder().region("us-west-2").build());

        assertThatThrownBy(() -> start("eu-west-1").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Credential should be scoped to a valid region, not 'eu-west-1'.")
                .satisfies(e -> assertThat(((ForbiddenException) e).errorType())
                        .isEqualTo("InvalidSignatureException"));
    }

    @Test
    void byDefaultEveryRegionIsTaken() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());

        TranscriptionStream stream = start("eu-west-1").get(5, TimeUnit.SECONDS);
        stream.cancel();
    }

    private CompletableFuture<TranscriptionStream> start(String region) {
        client = TranscribeStreamingClient.builder().region(region).endpoint(emulator.uri())
                .credentialsProvider(() -> EmulatorContractTest.EXAMPLE).retryPolicy(RetryPolicy.NONE)
                .transport(Http2Transport.create()).build();
        return client.startStreamTranscription(EmulatorContractTest.REQUEST, (TranscriptEvent event) -> { });
    }
}
