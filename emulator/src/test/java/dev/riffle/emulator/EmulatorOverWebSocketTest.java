package dev.riffle.emulator;

import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.websocket.WebSocketTransport;
import java.time.Clock;
import java.time.Duration;

/** The emulator contract over a presigned WebSocket, every event signed (the default). */
class EmulatorOverWebSocketTest extends EmulatorContractTest {

    @Override
    EventStreamTransport transport(Clock clock, Duration responseTimeout) {
        return WebSocketTransport.builder().clock(clock).responseTimeout(responseTimeout).build();
    }

    @Override
    EventStreamTransport boundedTransport(int maxPendingBytes, Duration drainTimeout) {
        return WebSocketTransport.builder().signEvents(signsEvents()).maxPendingBytes(maxPendingBytes)
                .drainTimeout(drainTimeout).build();
    }

    @Override
    String transportFailureFor(String fault) {
        return switch (fault) {
            case "reset" -> "code 1011";
            case "goaway" -> "code 1001";
            default -> "CONNECTION_CLOSED";
        };
    }
}
