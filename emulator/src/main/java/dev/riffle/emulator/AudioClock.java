package dev.riffle.emulator;

import java.nio.ByteBuffer;

/** Audio time from the bytes of a stream: PCM by byte count, containers by their own timing. */
interface AudioClock {

    /** Accounts for {@code audio} (read, not consumed) and returns the audio time reached, in seconds. */
    double advance(ByteBuffer audio);
}
