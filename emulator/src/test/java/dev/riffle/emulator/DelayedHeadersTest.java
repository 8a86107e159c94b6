package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.eventstream.Message;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.http2.Http2Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code delay-headers} fault holds back the response's HEADERS; what the stream produces meanwhile (here the
 * idle timeout's exception, as no audio is sent before the stream opens) must follow them, as the service's would.
 * It used to go out first, as DATA on a stream without HEADERS: the client saw a protocol error, and Netty answered
 * the late HEADERS with GOAWAY.
 */
@Timeout(30)
class DelayedHeadersTest {

    private Emulator emulator;
    private Http2Transport transport;

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void whatTheStreamSaysDuringTheDelayFollowsTheHeaders() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().idleTimeout(Duration.ofSeconds(1))
                .fault(Fault.parse("delay-headers@2")).build());
        transport = Http2Transport.builder().responseTimeout(Duration.ofSeconds(10)).build();
        List<Message> received = new CopyOnWriteArrayList<>();

        EventStream stream = transport.open(EmulatorContractTest.request(emulator),
                view -> received.add(view.toMessage())).get(10, TimeUnit.SECONDS);
        stream.closed().get(10, TimeUnit.SECONDS);

        assertThat(stream.response().status()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.header(":message-type").orElseThrow().asString()).isEqualTo("exception");
            assertThat(m.header(":exception-type").orElseThrow().asString()).isEqualTo("BadRequestException");
        });
    }
}
