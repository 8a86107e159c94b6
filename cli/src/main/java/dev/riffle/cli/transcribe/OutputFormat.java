package dev.riffle.cli.transcribe;

/** The {@code --output} formats. */
enum OutputFormat {
    /** Partial results redrawn in place, finals committed line by line, and a status line: for a terminal. */
    LIVE,
    /** One line per final result: for a pipe or a file. */
    TEXT,
    /** One TranscriptEvent per line, the service's JSON as it came. */
    JSON,
    /** SubRip captions from the finals. */
    SRT,
    /** WebVTT captions from the finals. */
    VTT
}
