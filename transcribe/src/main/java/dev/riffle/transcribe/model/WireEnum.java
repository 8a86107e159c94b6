package dev.riffle.transcribe.model;

/**
 * An enum of the service model whose constants travel as a fixed string (the model's {@code enumValue}), which is
 * often not the constant's Java name: {@code ogg-opus}, {@code en-US}.
 */
interface WireEnum {

    /** The exact string the service sends and expects. */
    String wireValue();
}
