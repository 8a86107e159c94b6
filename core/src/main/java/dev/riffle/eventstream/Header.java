package dev.riffle.eventstream;

import java.util.Objects;

/**
 * One owned header: a name and a typed value.
 *
 * @param name  1 to 255 bytes once encoded as UTF-8
 * @param value the typed value
 */
public record Header(String name, HeaderValue value) {

    /** Checks the name against the format's limits. */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Utf8.checkHeaderName(name);
    }

    /** A header with a string value. */
    public static Header of(String name, String value) {
        return new Header(name, HeaderValue.ofString(value));
    }
}
