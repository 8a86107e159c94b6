package dev.riffle.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on, read from the running JVM and Linux's /proc, for the top of a report. */
final class MachineDescription {

    private MachineDescription() {
    }

    /** A Markdown paragraph: date, CPU model and count, memory, JVM. */
    static String markdown() {
        return String.format(Locale.ROOT, "## Side by side, %s%n%nMachine: %s, %d CPUs, %s memory; %s %s (%s); "
                        + "every JVM %s with G1.%n%n", LocalDate.now(ZoneOffset.UTC), procValue("/proc/cpuinfo",
                        "model name").orElse(System.getProperty("os.arch")), Runtime.getRuntime().availableProcessors(),
                procValue("/proc/meminfo", "MemTotal").orElse("unknown"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("os.name"), JavaProcess.HEAP);
    }

    /** The value of the first {@code key: value} line of a /proc file. */
    private static Optional<String> procValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux: the report says less about the machine
        }
    }
}
