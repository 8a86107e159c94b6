package dev.riffle.cli.serve;

/**
 * Runs an action on SIGINT or SIGTERM instead of letting the JVM die, so that a server can end its streams
 * properly and the process exit with status 0. Uses {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * present in every JDK); where it is missing, a shutdown hook runs the action instead.
 */
final class Signals {

    private Signals() {
    }

    static void onTerminate(Runnable action) {
        Runnable once = new Runnable() {
            private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public void run() {
                if (done.compareAndSet(false, true)) {
                    action.run();
                }
            }
        };
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(once, "riffle-stop").start());
            }
        } catch (LinkageError | IllegalArgumentException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(once, "riffle-stop"));
        }
    }
}
