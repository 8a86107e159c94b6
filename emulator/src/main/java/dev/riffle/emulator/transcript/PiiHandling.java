package dev.riffle.emulator.transcript;

/** What a request asks done with personally identifiable information. */
public enum PiiHandling {
    /** Neither identification nor redaction. */
    OFF,
    /** {@code content-identification-type: PII}: final results list the entities. */
    IDENTIFY,
    /** {@code content-redaction-type: PII}: final results list the entities and replace their words. */
    REDACT
}
