package dev.riffle.transport.netty;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transport.http2.Http2Transport;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings both transports share are checked when they are set, and the message names the setting. */
class AbstractTransportBuilderTest {

    static Stream<Arguments> unusableSettings() {
        return Stream.of(
                refused("connectTimeout", b -> b.connectTimeout(Duration.ZERO)),
                refused("connectTimeout", b -> b.connectTimeout(null)),
                refused("responseTimeout", b -> b.responseTimeout(Duration.ofSeconds(-1))),
                refused("pingInterval", b -> b.pingInterval(Duration.ZERO)),
                refused("pingTimeout", b -> b.pingTimeout(Duration.ofMillis(-5))),
                refused("drainTimeout", b -> b.drainTimeout(null)),
                refused("maxPendingBytes", b -> b.maxPendingBytes(0)),
                refused("threads", b -> b.threads(0)),
                refused("clock", b -> b.clock(null)),
                refused("certificates", b -> b.trustedCertificates(null)));
    }

    private static Arguments refused(String setting, Consumer<Http2Transport.Builder> set) {
        return Arguments.of(setting, set);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableSettings")
    void anUnusableSettingIsRefusedNamingIt(String setting, Consumer<Http2Transport.Builder> set) {
        Http2Transport.Builder builder = Http2Transport.builder();
        assertThatThrownBy(() -> set.accept(builder)).isInstanceOfAny(IllegalArgumentException.class,
                NullPointerException.class).hasMessageContaining(setting);
    }
}
