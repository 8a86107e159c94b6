package dev.riffle.cli.frames;

/** A line of frame JSON that does not describe a frame; the message says which field and why. */
final class FrameFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FrameFormatException(String message) {
        super(message);
    }
}
