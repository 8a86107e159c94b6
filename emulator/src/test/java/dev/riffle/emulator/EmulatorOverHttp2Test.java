package dev.riffle.emulator;

import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.http2.Http2Transport;
import java.time.Clock;
import java.time.Duration;

/** The emulator contract over HTTP/2. */
class EmulatorOverHttp2Test extends EmulatorContractTest {

    @Override
    EventStreamTransport transport(Clock clock, Duration responseTimeout) {
        return Http2Transport.builder().clock(clock).responseTimeout(responseTimeout).build();
    }

    @Override
    EventStreamTransport boundedTransport(int maxPendingBytes, Duration drainTimeout) {
        return Http2Transport.builder().maxPendingBytes(maxPendingBytes).drainTimeout(drainTimeout).build();
    }

    @Override
    String transportFailureFor(String fault) {
        return switch (fault) {
            case "reset" -> "STREAM_RESET";
            case "goaway" -> "GOAWAY";
            default -> "CONNECTION_CLOSED";
        };
    }
}
