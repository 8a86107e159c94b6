package dev.riffle.emulator.transcript;

import java.util.Optional;

/**
 * A channel of stereo audio as results name it with channel identification: {@code ch_0} is the first
 * (left) channel of the interleaved PCM, {@code ch_1} the second (spec sections 3.4 and 5.5).
 */
public enum ChannelLabel {
    /** The first channel. */
    CH_0("ch_0"),
    /** The second channel. */
    CH_1("ch_1");

    private final String wireValue;

    ChannelLabel(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The label as results carry it in {@code ChannelId}. */
    public String wireValue() {
        return wireValue;
    }

    /** The channel labeled {@code wireValue} (exactly {@code ch_0} or {@code ch_1}), if any. */
    public static Optional<ChannelLabel> find(String wireValue) {
        for (ChannelLabel label : values()) {
            if (label.wireValue.equals(wireValue)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }
}
