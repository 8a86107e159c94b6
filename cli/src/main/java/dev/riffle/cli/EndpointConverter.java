package dev.riffle.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an {@code --endpoint} value. picocli's own conversion to {@link URI} quotes the value when it fails, and an
 * endpoint may carry a password ({@code https://user:secret@host}), which riffle refuses but must not print; so a
 * malformed one is reported by what is wrong and where, never by its text.
 */
public final class EndpointConverter implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new TypeConversionException("not a URL: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + e.getIndex() : "") + " (the value is not shown, as it "
                    + "may hold a password)");
        }
    }
}
