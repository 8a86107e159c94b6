package dev.riffle.emulator;

import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.websocket.WebSocketTransport;
import java.time.Clock;
import java.time.Duration;

/** The emulator contract over a presigned WebSocket with bare audio frames, as AWS's browser sample sends them. */
class EmulatorOverUnsignedWebSocketTest extends EmulatorOverWebSocketTest {

    @Override
    EventStreamTransport transport(Clock clock, Duration responseTimeout) {
        return WebSocketTransport.builder().clock(clock).responseTimeout(responseTimeout).signEvents(false).build();
    }

    @Override
    boolean signsEvents() {
        return false;
    }
}
