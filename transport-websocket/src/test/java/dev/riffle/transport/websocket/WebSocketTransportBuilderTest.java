package dev.riffle.transport.websocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The WebSocket transport's own settings are checked when they are set, and the message names the setting. */
class WebSocketTransportBuilderTest {

    @Test
    void aDefaultPortOutsideTheTcpRangeIsRefused() {
        assertThatThrownBy(() -> WebSocketTransport.builder().secureDefaultPort(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secureDefaultPort");
        assertThatThrownBy(() -> WebSocketTransport.builder().secureDefaultPort(65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    }

    @Test
    void aFrameLimitBelowOneByteIsRefused() {
        assertThatThrownBy(() -> WebSocketTransport.builder().maxFramePayload(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFramePayload");
    }

    @Test
    void aMissingPresignExpiryIsRefusedNamingIt() {
        assertThatThrownBy(() -> WebSocketTransport.builder().presignExpiry(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("expiry");
    }

    @Test
    void theSharedSettingsAreCheckedForThisTransportToo() {
        // Chaining from a shared setter back to this transport's own ones is part of the contract.
        WebSocketTransport.Builder builder = WebSocketTransport.builder().connectTimeout(Duration.ofSeconds(1))
                .signEvents(false);
        assertThatThrownBy(() -> builder.drainTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drainTimeout");
    }
}
