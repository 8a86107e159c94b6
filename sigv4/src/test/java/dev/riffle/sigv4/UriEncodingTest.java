package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.SignableRequest.Param;
import org.junit.jupiter.api.Test;

/** Percent-decoding of what a server receives in a URL's query. */
class UriEncodingTest {

    private static final String TOKEN = "FwoGZXIvYXdzEJr-session-token-must-never-be-shown";

    @Test
    void decodesEscapesAndKeepsAPlus() {
        assertThat(UriEncoding.parseQuery("a=%2F%C3%A9+b&c")).containsExactly(new Param("a", "/é+b"),
                new Param("c", ""));
    }

    @Test
    void aMalformedEscapeIsRefusedWithoutQuotingTheValue() {
        // Found by PresignedRequestVerifierFuzzTest: in a query cut between "%2Ftranscribe" and "Security-Token", the
        // credential's value runs into the session token, and the refusal quoted the whole value, token included.
        String mangled = "X-Amz-Credential=ASIAEXAMPLE%2F20261121%2Fus-west-2%2Ftranscribe%Security-Token=" + TOKEN;

        assertThatThrownBy(() -> UriEncoding.parseQuery(mangled)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid percent-escape at byte 47: '%' must be followed by two hex digits");
    }

    @Test
    void aTruncatedEscapeIsRefusedWithoutQuotingTheValue() {
        assertThatThrownBy(() -> UriEncoding.decode(TOKEN + "%4")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated percent-escape at byte 49: '%' must be followed by two hex digits");
    }
}
