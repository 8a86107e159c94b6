package dev.riffle.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRejectedExceptionTest {

    /** A proxy's error page that echoes the presigned request it refused. */
    @Test
    void aBodyEchoingAPresignedUrlHasItsSigningValuesBlankedInTheMessage() {
        String page = "<html>403 Forbidden: GET /stream-transcription-websocket?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20261122%2Fus-west-2%2Ftranscribe%2Faws4_request"
                + "&X-Amz-Security-Token=hunter2token&x-amz-signature=0123abcd&X-Amz-Expires=300 denied</html>";

        StreamRejectedException refused = new StreamRejectedException(new StreamResponse(403,
                Map.of("x-amzn-errortype", "Forbidden")), page.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getMessage()).startsWith("HTTP 403 Forbidden: <html>403 Forbidden: GET ")
                .doesNotContain("hunter2token").doesNotContain("0123abcd").doesNotContain("AKIDEXAMPLE")
                .contains("X-Amz-Security-Token=(not shown)").contains("X-Amz-Expires=300 denied");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(page); // the body stays whole
    }

    @Test
    void anOrdinaryErrorBodyIsQuotedAsItIs() {
        String json = "{\"Message\":\"A complete signal was sent without the preceding empty frame.\"}";

        assertThat(new StreamRejectedException(new StreamResponse(400, Map.of()),
                json.getBytes(StandardCharsets.UTF_8)).getMessage()).isEqualTo("HTTP 400: " + json);
    }
}
