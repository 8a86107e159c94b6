/**
 * Audio input for Transcribe Streaming: from a file or stdin to AudioEvent payloads of the right size, sent at
 * the right pace.
 *
 * <ol>
 *   <li>{@link dev.riffle.transcribe.audio.AudioSource} opens the input and finds its
 *       {@link dev.riffle.transcribe.audio.AudioFormat} (WAV, raw PCM, FLAC, Ogg Opus), or refuses it with an
 *       {@link dev.riffle.transcribe.audio.UnsupportedAudioException} that names what it found.</li>
 *   <li>{@link dev.riffle.transcribe.audio.AudioChunker} cuts the audio into
 *       {@link dev.riffle.transcribe.audio.AudioChunk}s of 50–200 ms, on sample frames, FLAC frames or Ogg
 *       pages, each with its audio time.</li>
 *   <li>{@link dev.riffle.transcribe.audio.Pacer} holds each chunk until it is due: real time, a bounded lead,
 *       or no limit.</li>
 * </ol>
 * On the receiving side, {@link dev.riffle.transcribe.audio.AudioClock} tells an emulator how much audio time the
 * bytes received so far hold, read from the same frame and page boundaries the chunker cuts on.
 *
 * <pre>{@code
 * try (AudioSource source = AudioSource.open(Path.of("call.wav"))) {
 *     AudioChunker chunker = AudioChunker.of(source);
 *     Pacer pacer = Pacer.realtime();
 *     for (AudioChunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
 *         pacer.awaitDue(chunk);
 *         stream.sendAudio(chunk.audio());
 *     }
 * }
 * }</pre>
 */
package dev.riffle.transcribe.audio;
