package dev.riffle.sigv4;

/**
 * No usable credentials or region: the message says where riffle looked and what was wrong (a file and line, a
 * variable's name), and never contains a secret.
 */
public class CredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what is missing or malformed and where. */
    public CredentialsException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
