package dev.riffle.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a class of this classpath in a JVM of its own, with the same {@code java} and the heap settings every
 * process of a comparison shares, so no client gets a bigger heap or another JIT than the other.
 */
final class JavaProcess {

    /** The heap every JVM of a comparison gets: large enough for the biggest step of the scale workload. */
    static final String HEAP = "-Xmx4g";

    private JavaProcess() {
    }

    /**
     * The command line that runs {@code mainClass} with {@code args}.
     *
     * @param jvmOptions options for the JVM, after the shared ones
     */
    static List<String> command(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add(HEAP);
        command.add("-XX:+UseG1GC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** CPU time the process has used so far, or zero if the platform does not say. */
    static Duration cpu(Process process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Stops {@code process} with SIGTERM, then kills it if it has not ended within {@code grace}. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts {@code command}, with stderr going to this process's stderr. */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
