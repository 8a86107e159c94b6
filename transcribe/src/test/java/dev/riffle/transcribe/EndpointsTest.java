package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The service endpoint of each region (spec: transcribe-protocol.md section 1, endpoints). */
class EndpointsTest {

    @ParameterizedTest
    @CsvSource({
            "us-east-1, https://transcribestreaming.us-east-1.amazonaws.com",
            "us-gov-west-1, https://transcribestreaming.us-gov-west-1.amazonaws.com",
            "ap-northeast-2, https://transcribestreaming.ap-northeast-2.amazonaws.com",
            "cn-north-1, https://transcribestreaming.cn-north-1.amazonaws.com.cn"})
    void eachRegionHasItsServiceEndpoint(String region, String endpoint) {
        assertThat(Endpoints.forRegion(region)).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US-EAST-1", "us-east", "us-east-1.evil.example/x", "us east 1"})
    void aStringThatIsNotARegionIsRefusedBeforeItBecomesAHostName(String region) {
        assertThatThrownBy(() -> Endpoints.forRegion(region)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }
}
