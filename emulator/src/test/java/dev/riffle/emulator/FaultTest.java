package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code --fault} syntax: what it takes, and the times it refuses rather than misreads. */
class FaultTest {

    @Test
    void aTypedFaultKeepsItsTypeMessageAndTime() {
        Fault fault = Fault.parse("exception:InternalFailureException:try later@1.25");

        assertThat(fault.kind()).isEqualTo(Fault.Kind.EXCEPTION);
        assertThat(fault.errorType()).isEqualTo("InternalFailureException");
        assertThat(fault.message()).isEqualTo("try later");
        assertThat(fault.at()).isEqualTo(Duration.ofMillis(1250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reset@NaN", "reset@Infinity", "stall@1e300", "delay-headers@14400.5", "goaway@-1"})
    void aTimeThatIsNotFiniteOrPastAStreamsLongestIsRefused(String text) {
        assertThatThrownBy(() -> Fault.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the time must be 0 to 14400 seconds").hasMessageContaining(text);
    }

    @Test
    void theLatestTimeIsAccepted() {
        assertThat(Fault.parse("drop@14400").at()).isEqualTo(Duration.ofHours(4));
    }
}
