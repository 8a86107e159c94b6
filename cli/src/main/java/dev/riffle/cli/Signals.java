package dev.riffle.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action on SIGINT (Ctrl-C) or SIGTERM instead of letting the JVM die, so that a command can end its
 * streams properly and choose its exit status. Uses {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * present in every JDK); where it is missing, a shutdown hook runs the action instead, once.
 */
public final class Signals {

    private Signals() {
    }

    /** Runs {@code action} on the first SIGINT or SIGTERM; later ones are ignored. */
    public static void onTerminate(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        onEachTerminate(() -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    /**
     * Runs {@code action} on every SIGINT or SIGTERM, each time on a new thread (a signal handler must return at
     * once): a second Ctrl-C can then mean "stop waiting".
     */
    public static void onEachTerminate(Runnable action) {
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(action, "riffle-stop").start());
            }
        } catch (LinkageError | IllegalArgumentException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(action, "riffle-stop"));
        }
    }
}
