package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.http2.Http2Transport;
import dev.riffle.transport.websocket.WebSocketTransport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A caller that pauses reading (a slow consumer) for longer than the keep-alive ping allows must not lose its
 * stream. Over WebSocket, pausing stops reading the whole connection, the ping's answer included: the transport
 * used to send a ping it could not read the answer to, and failed the stream with IDLE_TIMEOUT.
 */
@Timeout(30)
class PausedReadingTest {

    private static final Duration PING_INTERVAL = Duration.ofMillis(200);
    private static final Duration PING_TIMEOUT = Duration.ofMillis(300);
    private static final HeaderBlock AUDIO_EVENT = new HeaderBlock().addString(":message-type", "event")
            .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");

    private Emulator emulator;
    private EventStreamTransport transport;

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http2", "websocket"})
    void aReaderPausedForLongerThanThePingTimeoutKeepsItsStream(String kind) throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        transport = kind.equals("http2")
                ? Http2Transport.builder().pingInterval(PING_INTERVAL).pingTimeout(PING_TIMEOUT).build()
                : WebSocketTransport.builder().pingInterval(PING_INTERVAL).pingTimeout(PING_TIMEOUT).build();
        AtomicInteger received = new AtomicInteger();
        EventStream stream = transport.open(EmulatorContractTest.request(emulator),
                message -> received.incrementAndGet()).get(5, TimeUnit.SECONDS);
        sendAudio(stream, 5);

        stream.pauseReading();
        Thread.sleep(PING_INTERVAL.plus(PING_TIMEOUT).multipliedBy(3).toMillis());
        assertThat(stream.closed()).as("closed while paused").isNotDone();
        stream.resumeReading();
        sendAudio(stream, 5);
        stream.end();

        stream.closed().get(10, TimeUnit.SECONDS); // normally, not with IDLE_TIMEOUT
        assertThat(received).hasPositiveValue();
    }

    /** {@code events} AudioEvents of 100 ms of silence at 16 kHz, each written before the next. */
    private static void sendAudio(EventStream stream, int events) throws Exception {
        for (int i = 0; i < events; i++) {
            stream.send(AUDIO_EVENT, ByteBuffer.allocate(3200)).get(5, TimeUnit.SECONDS);
        }
    }
}
