package dev.riffle.cli;

import java.nio.file.Path;

/** Files that go with an audio file by name: its script and transcript, {@code NAME.json} and {@code NAME.txt}. */
public final class Companions {

    private Companions() {
    }

    /** {@code audio}'s sibling with the same name and {@code extension} ({@code ".json"}) instead of its own. */
    public static Path beside(Path audio, String extension) {
        String name = audio.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return audio.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
