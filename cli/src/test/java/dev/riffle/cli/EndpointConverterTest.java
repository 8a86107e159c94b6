package dev.riffle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class EndpointConverterTest {

    @Test
    void aUrlIsReadAsItIs() {
        assertThat(new EndpointConverter().convert("http://127.0.0.1:8080")).isEqualTo(URI.create(
                "http://127.0.0.1:8080"));
    }

    /** picocli's own URI conversion quoted the value, and with it the password of a URL such as this one. */
    @Test
    void aMalformedUrlIsReportedWithoutItsText() {
        assertThatThrownBy(() -> new EndpointConverter().convert("http://user:pa%zzhunter2@host:8080"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a URL: Malformed escape pair at character 14")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
