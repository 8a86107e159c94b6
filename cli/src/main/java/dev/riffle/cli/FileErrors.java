package dev.riffle.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** How the commands say that a file named on the command line could not be opened. */
public final class FileErrors {

    private FileErrors() {
    }

    /** Why FILE could not be opened, in words: {@code FILE: no such file (is a directory)}. */
    public static String cannotOpen(String file, FileSystemException e) {
        String what = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : "cannot open";
        return file + ": " + what + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
    }
}
