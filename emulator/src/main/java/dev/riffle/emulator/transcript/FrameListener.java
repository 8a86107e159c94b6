package dev.riffle.emulator.transcript;

/** Receives the audio one frame at a time, in order, with what was found in each channel. */
interface FrameListener {

    /**
     * One frame of audio.
     *
     * @param start where the frame starts, in seconds of audio since the stream started
     * @param end where it ends; the next frame starts there
     * @param speechByChannel whether each channel holds speech in the frame; borrowed: read it during the call only
     */
    void onFrame(double start, double end, boolean[] speechByChannel);
}
