package dev.riffle.emulator;

import dev.riffle.sigv4.CredentialsLookup;
import dev.riffle.sigv4.RequestVerifier;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;

/** What every connection and stream of one emulator shares: its configuration, verifier, and live sessions. */
final class EmulatorContext {

    final EmulatorConfig config;
    final RequestVerifier verifier;
    final SessionRegistry sessions;
    final TranscriptionFactory transcriptions;
    final AudioClockFactory audioClocks;

    EmulatorContext(EmulatorConfig config, TranscriptionFactory transcriptions, AudioClockFactory audioClocks) {
        this.config = config;
        this.verifier = new RequestVerifier(CredentialsLookup.of(config.credentials.toArray(
                new dev.riffle.sigv4.Credentials[0])), config.clock, config.clockSkew, "transcribe", config.region);
        this.sessions = new SessionRegistry(config.maxConcurrentStreams);
        this.transcriptions = transcriptions;
        this.audioClocks = audioClocks;
    }

    /** Makes a stream's transcript engine. */
    @FunctionalInterface
    interface TranscriptionFactory {
        Transcription create(StartStreamTranscriptionRequest request);
    }

    /** Makes a stream's audio clock for its media encoding. */
    @FunctionalInterface
    interface AudioClockFactory {
        AudioClock create(StartStreamTranscriptionRequest request);
    }
}
