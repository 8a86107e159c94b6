package dev.riffle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What riffle knows of the terminal it writes to, found without native code: whether standard output is one,
 * how wide it is, and whether the user asked for no styling.
 */
public final class Terminals {

    private static final int DEFAULT_COLUMNS = 80;

    private Terminals() {
    }

    /**
     * Whether the process's standard output is a terminal. On Linux, file descriptor 1 is looked at directly; this
     * matters because {@link System#console()} also needs standard input to be a terminal, and
     * {@code riffle transcribe -} reads audio from a pipe while writing to the screen. Elsewhere the console
     * decides.
     */
    public static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /** Whether standard error is a terminal, found as for standard output. */
    public static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                // fall through to the console
            }
        }
        return System.console() != null;
    }

    /**
     * The terminal's width in columns: {@code COLUMNS} if the shell exported it, else what {@code stty size}
     * reports for the controlling terminal, else 80.
     */
    public static int columns(Map<String, String> environment) {
        String exported = environment.get("COLUMNS");
        if (exported != null && exported.matches("[1-9][0-9]{0,4}")) {
            return Integer.parseInt(exported);
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split("\\s+");
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0 && size.length == 2
                    && size[1].matches("[1-9][0-9]{0,4}")) {
                return Integer.parseInt(size[1]);
            }
        } catch (IOException e) {
            // no stty, or no controlling terminal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_COLUMNS;
    }

    /** Whether styling is wanted: not with {@code NO_COLOR} set (no-color.org) or {@code TERM=dumb}. */
    public static boolean stylingWanted(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.get("TERM"));
    }
}
